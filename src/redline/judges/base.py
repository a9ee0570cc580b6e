"""The judge protocol every judge obeys, what a run offers judges when choosing them, and fingerprints.

A judge class is a plug-in: it is listed in ``redline.registry.JUDGES`` or under the ``redline.judges``
entry-point group, and declares on the class

- ``name`` and ``kind``: which cases it applies to (``applies_to(case)`` narrows further when defined);
- ``labels``: the outcomes (verdict labels) it produces;
- ``primary``: whether its verdicts are the ones statistics count for its kind (one per kind);
- ``for_run(context)``: a classmethod building it for a run, or returning None when the run does not want it.

Which judges run is decided from the registry (``redline.runner.judging.select_judges``); the manifest records
the judge set and the primary judge per case kind, and statistics, reports and SARIF read them from there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from redline.records import Case, CaseKind, Generation, Trial, Verdict


@dataclass(frozen=True)
class JudgeInput:
    """One generation to judge, with the trial and case it answers (absent for external inputs)."""

    generation: Generation
    trial: Trial | None = None
    case: Case | None = None
    language: str | None = None  # natural language of the answer, when known
    cwes: tuple[str, ...] = ()  # weakness classes the code was asked about (external inputs)


@runtime_checkable
class Judge(Protocol):
    """A judge is a batch function with a name and a fingerprint that changes whenever its rules change."""

    name: str
    kind: CaseKind  # which cases it applies to

    @property
    def fingerprint(self) -> str: ...

    def judge(self, items: Sequence[JudgeInput]) -> list[Verdict]: ...


Ask = Callable[[str, str], Awaitable[str]]  # (system, user) -> the judge model's reply


@dataclass(frozen=True)
class JudgeContext:
    """What a run offers judges when they are chosen and built."""

    kinds: frozenset[CaseKind]  # kinds of case the run holds
    references: Mapping[str, Any] = field(default_factory=dict)  # the suites' reference statements
    ask: Ask | None = None  # the judge model (``--judge-model``), when one is given
    judge_model_id: str = ""
    sandbox: str = "auto"  # where judges that run model code may run it (``--sandbox``)
    allow_unsafe_none: bool = False  # the explicit opt-in to sandbox ``none``
    answer_judge: str = "rules"  # ``--answer-judge``: rules, or rules+learned (the trained classifier too)


def applies(judge: Judge, case: Case) -> bool:
    """Whether ``judge`` judges answers to ``case``: its kind, narrowed by its own ``applies_to`` if any."""
    if case.kind != judge.kind:
        return False
    narrow = getattr(judge, "applies_to", None)
    return bool(narrow(case)) if narrow is not None else True


def fingerprint(*parts: object) -> str:
    """Short stable hash of a judge's name, version, rules and tool versions."""
    blob = "\x1f".join(str(p) for p in parts).encode()
    return hashlib.sha256(blob).hexdigest()[:12]
