"""Which Bandit tests the judge may leave out because none of their findings can ever count.

Bandit's time is mostly its tests run on every call, import and string node. Under the ``checks-own`` policy a
hit of a test that a redline check owns (``bandit_scan.OWNED_BY_CHECK``) counts only through the direct path:
its CWE is a neighbour of an asked algorithm-choice CWE (``cwe_scope.direct_scope``). So an owned test whose
every possible CWE lies outside that set can never count, and neither can a test in ``bandit_scan.DROPPED``
(its hits are thrown away). The possible CWEs of a test are read from Bandit itself: ``CWE_OVERRIDES`` when
redline overrides it, else every ``Cwe.NAME`` the test's plugin module mentions (an over-approximation) or the
blacklist entry's CWE. A test whose CWEs cannot be read is kept. Only the Bandit version ``bandit_fast`` was
written against is trimmed this way; any other runs every test but the dropped ones.
"""

from __future__ import annotations

import functools
import inspect
import re
import warnings
from collections.abc import Mapping
from typing import Any

from redline.judges.code.bandit_fast import VERSION
from redline.judges.code.bandit_scan import CWE_OVERRIDES, DROPPED, OWNED_BY_CHECK, bandit_version
from redline.judges.code.cwe import normalize_cwe

_CWE_NAME = re.compile(r"\bCwe\.([A-Z][A-Z0-9_]*)\b")


def _plugin_cwes(plugin: Any, cwe_class: Any) -> frozenset[str] | None:
    """Every CWE named in the plugin's module source, or None when it names none (unknown: keep the test)."""
    module = inspect.getmodule(plugin)
    try:
        source = inspect.getsource(module) if module is not None else ""
    except (OSError, TypeError):
        return None
    found = {normalize_cwe(getattr(cwe_class, name, None)) for name in _CWE_NAME.findall(source)}
    if not found or None in found:
        return None
    return frozenset(c for c in found if c is not None)


@functools.lru_cache(maxsize=1)
def test_cwes() -> Mapping[str, frozenset[str] | None]:
    """Bandit test id -> the CWEs its findings may carry in redline (None: not known)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # plugin loaders warn about their own deprecations
        from bandit.core import extension_loader, issue

    out: dict[str, frozenset[str] | None] = {}
    manager = extension_loader.MANAGER
    for ext in manager.plugins:
        tid = str(getattr(ext.plugin, "_test_id", ""))
        if tid:
            out[tid] = _plugin_cwes(ext.plugin, issue.Cwe)
    for entries in manager.blacklist.values():
        for entry in entries:
            cwe = normalize_cwe(getattr(entry.get("cwe"), "id", entry.get("cwe")))
            previous = out.get(entry["id"], frozenset())
            out[entry["id"]] = None if cwe is None or previous is None else previous | {cwe}
    for tid, cwe in CWE_OVERRIDES.items():  # redline rewrites these tests' CWE whatever Bandit says
        out[tid] = frozenset({cwe})
    return out


def never_counting(direct_universe: frozenset[str], *, owned_never_count: bool) -> frozenset[str]:
    """Test ids whose findings can never count: the dropped ones, plus - when owned hits count only through the
    direct path (``owned_never_count``) - the owned tests none of whose CWEs is in ``direct_universe``."""
    skip = set(DROPPED)
    if owned_never_count and bandit_version() == VERSION:
        known = test_cwes()
        for tid in OWNED_BY_CHECK:
            cwes = known.get(tid)
            if cwes is not None and not cwes & direct_universe:
                skip.add(tid)
    return frozenset(skip)
