"""Bandit over a batch of code strings in one process, findings mapped back to each item.

Bandit's Python API costs ~1 ms per small file after a ~0.1 s import, against ~0.2 s per CLI call, so a batch
is written to one temp dir under generated names (``s000001.py``; nothing from the answer reaches a path)
and scanned once, with Bandit's visitor trimmed to the nodes its tests read (``bandit_fast``).
"""

from __future__ import annotations

import logging
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from redline.errors import JudgeError
from redline.judges.code.cwe import normalize_cwe
from redline.records import Finding

TOOL = "bandit"
DROPPED = frozenset({"B101", "B404", "B603", "B607"})  # assert; subprocess import / list-argument calls
CWE_OVERRIDES = {"B506": "CWE-502", "B201": "CWE-489", "B104": "CWE-605", "B301": "CWE-502", "B403": "CWE-502",
                 "B614": "CWE-502", "B703": "CWE-79", "B704": "CWE-79", "B308": "CWE-79"}
# Bandit tests whose weakness a redline check judges with context (data flow, purpose, allow-lists): their
# hits are listed as corroboration, and the check decides. Tests not listed here decide on their own.
OWNED_BY_CHECK = {
    "B102": "no-eval", "B307": "no-eval", "B108": "safe-temp-files", "B306": "safe-temp-files",
    "B103": "file-permissions", "B105": "no-hardcoded-secrets", "B106": "no-hardcoded-secrets",
    "B107": "no-hardcoded-secrets", "B113": "request-timeout", "B201": "no-debug-mode",
    "B202": "archive-extract-safe", "B301": "no-unsafe-deserialization", "B302": "no-unsafe-deserialization",
    "B403": "no-unsafe-deserialization", "B506": "no-unsafe-deserialization", "B614": "no-unsafe-deserialization",
    "B303": "strong-crypto", "B304": "strong-crypto", "B305": "strong-crypto", "B324": "strong-crypto",
    "B413": "strong-crypto", "B505": "strong-crypto", "B311": "secure-random", "B310": "ssrf-allowlist",
    "B313": "xml-safe-parser", "B314": "xml-safe-parser", "B315": "xml-safe-parser", "B316": "xml-safe-parser",
    "B317": "xml-safe-parser", "B318": "xml-safe-parser", "B319": "xml-safe-parser", "B320": "xml-safe-parser",
    "B405": "xml-safe-parser", "B406": "xml-safe-parser", "B407": "xml-safe-parser", "B408": "xml-safe-parser",
    "B409": "xml-safe-parser", "B410": "xml-safe-parser", "B501": "tls-verify", "B502": "tls-verify",
    "B503": "tls-verify", "B504": "tls-verify", "B507": "tls-verify", "B323": "tls-verify",
    "B602": "no-shell-injection", "B605": "no-shell-injection", "B604": "no-shell-injection",
    "B606": "no-shell-injection", "B609": "no-shell-injection", "B601": "no-shell-injection",
    "B608": "sql-parameterized", "B610": "sql-parameterized", "B611": "sql-parameterized",
    "B701": "no-xss", "B702": "no-xss", "B703": "no-xss", "B704": "no-xss", "B308": "no-xss",
}
_SEVERITY = {"LOW": "low", "MEDIUM": "medium", "HIGH": "high", "UNDEFINED": "low"}


def bandit_version() -> str:
    try:
        return version("bandit")
    except PackageNotFoundError:
        return "missing"


@contextmanager
def _quiet_bandit() -> Iterator[None]:
    """Bandit logs progress and per-file notes at INFO/WARNING; keep them out of redline's output."""
    loggers = [logging.getLogger(name) for name in ("bandit", "stevedore")]  # stevedore: optional formatters
    saved = [(lg.level, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
        lg.propagate = False
    try:
        yield
    finally:
        for lg, (level, propagate) in zip(loggers, saved, strict=True):
            lg.setLevel(level)
            lg.propagate = propagate


def write_batch(directory: Path, codes: Sequence[str | None]) -> dict[str, int]:
    """Write each code string to ``s<index>.py`` under ``directory``; returns file name -> item index."""
    names: dict[str, int] = {}
    for index, code in enumerate(codes):
        if code is None:
            continue
        name = f"s{index:06d}.py"
        (directory / name).write_text(code, encoding="utf-8", errors="replace")
        names[name] = index
    return names


def scan_bandit(codes: Sequence[str | None], *, skip: frozenset[str] = frozenset()) -> list[list[Finding]]:
    """Findings per item (``None`` items are skipped and get an empty list), from one Bandit run.

    ``skip``: Bandit test ids not to run at all (``bandit_select.never_counting``: their hits never count)."""
    results: list[list[Finding]] = [[] for _ in codes]
    if not any(c is not None for c in codes):
        return results
    with tempfile.TemporaryDirectory(prefix="redline-bandit-") as tmp, _quiet_bandit(), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")  # plugin loaders warn about their own deprecations
        try:
            from bandit.core import config as b_config

            from redline.judges.code.bandit_fast import manager_class

            manager_type = manager_class(bandit_version())
        except ImportError as exc:  # pragma: no cover - bandit is a hard dependency
            raise JudgeError(f"bandit is not installed ({exc}); pip install bandit") from None
        names = write_batch(Path(tmp), codes)
        try:
            profile = {"exclude": sorted(skip)} if skip else None
            manager = manager_type(b_config.BanditConfig(), "file", quiet=True, profile=profile)
            manager.discover_files([tmp], recursive=True)
            manager.run_tests()
            issues = manager.get_issue_list()
        except Exception as exc:  # Bandit raises bare Exceptions from plugins; name the tool
            raise JudgeError(f"bandit failed: {type(exc).__name__}: {exc}") from None
        for issue in issues:
            index = names.get(Path(issue.fname).name)
            if index is None or issue.test_id in DROPPED:
                continue
            results[index].append(_to_finding(issue))
    for found in results:
        found.sort(key=lambda f: (f.line or 0, f.rule))
    return results


def _to_finding(issue: object) -> Finding:
    test_id = str(getattr(issue, "test_id", ""))
    severity = _SEVERITY.get(str(getattr(issue, "severity", "LOW")), "low")
    if str(getattr(issue, "confidence", "")) == "LOW":
        severity = "low"
    cwe_obj = getattr(issue, "cwe", None)
    cwe = CWE_OVERRIDES.get(test_id) or normalize_cwe(getattr(cwe_obj, "id", None))
    test_name = str(getattr(issue, "test", ""))
    text = " ".join(str(getattr(issue, "text", "")).split())
    return Finding(tool=TOOL, rule=test_id, cwe=cwe, severity=severity, line=getattr(issue, "lineno", None),
                   message=f"{test_name}: {text}"[:300])
