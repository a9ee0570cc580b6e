"""GCC's warnings as findings with CWEs: one ``gcc -c -O2`` process per batch (the optimiser is what sees
use-after-free, overflowing string operations and out-of-bounds indexes; ``-fsyntax-only`` does not)."""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from redline.errors import JudgeError
from redline.judges.code.polyglot.validity import (
    C_BASE_FLAGS,
    Validity,
    by_sample,
    c_validity,
    gcc_binary,
    gcc_diagnostics,
    location,
    write_sources,
)
from redline.records import Finding

TOOL = "gcc"
WARNING_FLAGS = ("-O2", "-Wall", "-Wextra", "-Wformat=2", "-Wformat-security", "-Wformat-overflow=2",
                 "-Wformat-truncation=2", "-Wstringop-overflow=4", "-Warray-bounds=2", "-Wuse-after-free=3",
                 "-Wreturn-local-addr", "-Wfree-nonheap-object", "-Wnull-dereference", "-Wshift-overflow=2",
                 "-Wdeprecated-declarations")
# warning option -> (CWE, severity); options not listed are kept as low-severity notes without a CWE.
WARNING_CWES: dict[str, tuple[str, str]] = {
    "-Wformat-security": ("CWE-134", "high"),
    "-Wformat-nonliteral": ("CWE-134", "medium"),
    "-Wformat-overflow=": ("CWE-787", "high"),
    "-Wformat-truncation=": ("CWE-170", "low"),
    "-Wstringop-overflow=": ("CWE-787", "high"),
    "-Wstringop-overread": ("CWE-125", "high"),
    "-Wstringop-truncation": ("CWE-170", "medium"),
    "-Warray-bounds": ("CWE-119", "high"),
    "-Warray-bounds=": ("CWE-119", "high"),
    "-Wuse-after-free": ("CWE-416", "high"),
    "-Wuse-after-free=": ("CWE-416", "high"),
    "-Wreturn-local-addr": ("CWE-562", "high"),
    "-Wfree-nonheap-object": ("CWE-590", "high"),
    "-Wmismatched-dealloc": ("CWE-762", "medium"),
    "-Wuninitialized": ("CWE-457", "medium"),
    "-Wmaybe-uninitialized": ("CWE-457", "medium"),
    "-Wnull-dereference": ("CWE-476", "medium"),
    "-Walloc-size-larger-than=": ("CWE-789", "medium"),
    "-Woverflow": ("CWE-190", "medium"),
    "-Wshift-overflow=": ("CWE-190", "medium"),
    "-Wsign-compare": ("CWE-195", "low"),
}
_BANNED_CALL = re.compile(r"[‘'`]\s*(gets|tmpnam|tempnam|mktemp)\s*[’'`]")
_BANNED_CWE = {"gets": ("CWE-242", "high"), "tmpnam": ("CWE-377", "medium"), "tempnam": ("CWE-377", "medium"),
               "mktemp": ("CWE-377", "medium")}


def _option_key(option: str) -> str:
    return option.split("=", 1)[0] + "=" if "=" in option else option


def to_finding(diag: dict[str, Any]) -> Finding | None:
    """A warning as a finding; errors and notes are not findings."""
    if diag.get("kind") != "warning":
        return None
    option = str(diag.get("option", ""))
    message = " ".join(str(diag.get("message", "")).split())[:300]
    cwe, severity = WARNING_CWES.get(option) or WARNING_CWES.get(_option_key(option)) or (None, "low")
    banned = _BANNED_CALL.search(message)
    if banned and option in ("-Wimplicit-function-declaration", "-Wdeprecated-declarations"):
        cwe, severity = _BANNED_CWE[banned.group(1)]  # gets() is gone from C11: it shows up as undeclared
    return Finding(tool=TOOL, rule=option.lstrip("-") or "warning", cwe=cwe, severity=severity,
                   line=location(diag)[1], message=message)


def scan_c_warnings(codes: Sequence[str | None], *, timeout_s: float = 300.0) -> list[list[Finding]]:
    """Warnings per item (None items skipped) from one ``gcc -c -O2`` over the batch."""
    results: list[list[Finding]] = [[] for _ in codes]
    present = [(k, c) for k, c in enumerate(codes) if c is not None]
    for (k, _), (_, found) in zip(present, compile_c([c for _, c in present], timeout_s=timeout_s), strict=True):
        results[k] = found
    return results


def compile_c(codes: Sequence[str], *, timeout_s: float = 300.0) -> list[tuple[Validity, list[Finding]]]:
    """Validity and warnings of each source from one ``gcc -c -O2`` process: the errors that make a file invalid
    are the front end's, the same as ``-fsyntax-only`` reports, so the judge needs no separate syntax pass."""
    if not codes:
        return []
    gcc = gcc_binary()
    if gcc is None:
        raise JudgeError("gcc is not installed; C warnings cannot be collected")
    with tempfile.TemporaryDirectory(prefix="redline-cwarn-") as tmp:
        paths = write_sources(Path(tmp), list(codes), ".c")
        cmd = [gcc, "-c", *C_BASE_FLAGS, *WARNING_FLAGS, "-fdiagnostics-format=json",
               *(str(p.relative_to(tmp)) for p in paths)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False, cwd=tmp)
        except subprocess.TimeoutExpired:
            raise JudgeError(f"gcc warnings pass timed out after {timeout_s:.0f} s") from None
        per = by_sample(gcc_diagnostics(proc.stderr), paths)
    out = []
    for diags in per:
        found = [f for f in (to_finding(d) for d in diags) if f is not None]
        unique = {(f.rule, f.line): f for f in found}
        out.append((c_validity(diags), sorted(unique.values(), key=lambda f: (f.line or 0, f.rule))))
    return out
