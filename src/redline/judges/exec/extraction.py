"""The program a generation holds, taken exactly as the static code judge takes it (fenced answers; autocomplete
scaffold + continuation), so both judges see the same code.

The code judge is moving from ``redline.judges.code`` (a module) to a package (``redline.judges.code.judge``,
``redline.judges.code.completion``); this looks in both places until the move has landed everywhere, after
which the two functions below become plain imports.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from redline.judges.base import JudgeInput


def _first(*names: str) -> ModuleType:
    for name in names:
        try:
            return importlib.import_module(name)
        except ImportError:
            continue
    raise ImportError(f"none of {names} can be imported")


def prepare(item: JudgeInput) -> Any:
    """The static code judge's ``prepare``: extraction result (``.extraction``) and scope of one input."""
    return _first("redline.judges.code.judge", "redline.judges.code").prepare(item)


def extract_completion(scaffold: str, continuation: str) -> Any:
    """Scaffold + a base model's continuation, trimmed to what the model finished (an ``Extraction``)."""
    return _first("redline.judges.code.completion", "redline.judges.completion").extract_completion(
        scaffold, continuation)
