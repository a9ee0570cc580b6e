"""Semgrep OSS over a batch of code strings in one process, offline, with redline's own rule pack.

Semgrep's cost is start-up (~0.2 s with ``--experimental``), so a batch goes to one temp dir under generated
names and is scanned by one call (in the background: :class:`SemgrepRun`); results map back by file name.
Registry configs need the network and hang offline, so only the shipped rule files are used.
"""

from __future__ import annotations

import ast
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path
from typing import Any

from redline.errors import JudgeError
from redline.judges.code import semgrep_prefilter
from redline.judges.code.bandit_scan import write_batch
from redline.judges.code.cwe import normalize_cwe
from redline.records import Finding

TOOL = "semgrep"
DEFAULT_TIMEOUT_S = 300.0
# Semgrep 1.185's own default (--jobs = cores) tripled its CPU on a 2-core machine and was slower in wall time too
# (618 Python programs: 4.3 s CPU / 5.2 s wall with --jobs 1, 12.3 s / 14.1 s with --jobs 2; docs/code-judges.md).
# One job also leaves the other core to Bandit and the checks, which run while Semgrep scans.
DEFAULT_JOBS = 1
_SEVERITY = {"ERROR": "high", "WARNING": "medium", "INFO": "low", "CRITICAL": "high", "HIGH": "high",
             "MEDIUM": "medium", "LOW": "low"}


def rules_dir() -> Path:
    """The shipped rule pack (package data)."""
    return Path(str(files("redline.judges.code") / "rules"))


def rule_files() -> list[Path]:
    return sorted(p for p in rules_dir().glob("*.yaml") if p.is_file())


def semgrep_binary() -> str | None:
    """``semgrep`` on PATH, else beside the running interpreter (a venv that is not activated)."""
    found = shutil.which("semgrep")
    if found:
        return found
    beside = Path(sys.executable).parent / "semgrep"
    return str(beside) if beside.is_file() and os.access(beside, os.X_OK) else None


def semgrep_version() -> str:
    try:
        return version("semgrep")
    except PackageNotFoundError:
        return "missing"


def load_rule_metadata() -> dict[str, dict[str, Any]]:
    """Rule id -> metadata (cwe, redline-check, category) from the shipped YAML files."""
    import yaml

    out: dict[str, dict[str, Any]] = {}
    for path in rule_files():
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in doc.get("rules", []):
            meta = dict(rule.get("metadata") or {})
            meta["severity"] = rule.get("severity", "")
            meta["mode"] = rule.get("mode", "search")
            meta["message"] = rule.get("message", "")
            out[str(rule["id"])] = meta
    return out


@functools.lru_cache(maxsize=4)
def _pack(directory: str) -> tuple[tuple[dict[str, Any], ...], frozenset[str]]:
    """The shipped rules as dicts (one config for a batch) and the ids the prefilter may skip."""
    import yaml

    rules = [dict(rule) for path in sorted(Path(directory).glob("*.yaml")) if path.is_file()
             for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("rules", [])]
    return tuple(rules), frozenset(semgrep_prefilter.usable(rules))


def _batch_config(directory: Path, names: dict[str, int], codes: Sequence[str | None],
                  trees: Sequence[ast.AST | None], drop: frozenset[str] = frozenset()) -> Path | None:
    """A config for this batch in which each rule skips the files it provably cannot match
    (``semgrep_prefilter``) and the rules in ``drop`` are left out; None when nothing is skipped or dropped (the
    rule folder is used as it is)."""
    rules, prefiltered = _pack(str(rules_dir()))
    skip: dict[str, list[str]] = {}
    for name, index in names.items():
        code = codes[index]
        for rid in semgrep_prefilter.skipped(code or "", trees[index], set(prefiltered) - drop):
            skip.setdefault(rid, []).append(name)
    if not skip and not drop & {str(rule["id"]) for rule in rules}:
        return None
    out = [dict(rule, paths={"exclude": sorted(skip[rule["id"]])}) if rule["id"] in skip else rule
           for rule in rules if rule["id"] not in drop]
    path = directory / "rules.json"
    path.write_text(json.dumps({"rules": out}), encoding="utf-8")
    return path


def _command(binary: str, rules: Path, target: Path, jobs: int | None) -> list[str]:
    """The scan command; ``jobs`` None means ``DEFAULT_JOBS``, not Semgrep's own default (one job per core)."""
    cmd = [binary, "scan", "--experimental", "--config", str(rules), "--metrics=off", "--json", "--quiet",
           "--no-git-ignore", "--disable-version-check", "--timeout", "10", "--max-target-bytes", "2000000",
           "--jobs", str(jobs or DEFAULT_JOBS)]
    return [*cmd, str(target)]


def scan_semgrep(codes: Sequence[str | None], *, rules: Path | None = None, timeout_s: float = DEFAULT_TIMEOUT_S,
                 jobs: int | None = None, trees: Sequence[ast.AST | None] | None = None) -> list[list[Finding]]:
    """Findings per item from one Semgrep call (``None`` items skipped). Raises JudgeError when it cannot run.

    ``trees`` (each code's parse, or None) lets the shipped pack skip rules a file provably cannot match.
    """
    return SemgrepRun(codes, rules=rules, timeout_s=timeout_s, jobs=jobs, trees=trees).wait()


class SemgrepRun:
    """One Semgrep call over a batch, started at once and collected by :meth:`wait`: the judge runs Bandit and
    its checks meanwhile, so one judging process keeps a second core busy. Output goes to files, not pipes, so
    Semgrep never blocks on a full pipe while the caller works. :meth:`close` stops it on the error path."""

    def __init__(self, codes: Sequence[str | None], *, rules: Path | None = None,
                 timeout_s: float = DEFAULT_TIMEOUT_S, jobs: int | None = None,
                 trees: Sequence[ast.AST | None] | None = None, drop: frozenset[str] = frozenset()) -> None:
        self.results: list[list[Finding]] = [[] for _ in codes]
        self.timeout_s = timeout_s
        self.names: dict[str, int] = {}
        self.proc: subprocess.Popen[bytes] | None = None
        self.tmp: str | None = None
        if not any(c is not None for c in codes):
            return
        binary = semgrep_binary()
        if binary is None:
            raise JudgeError("semgrep is not installed (pip install semgrep); the code-security judge needs it")
        prefilter = rules is None and trees is not None
        config = rules or rules_dir()
        env = dict(os.environ, SEMGREP_ENABLE_VERSION_CHECK="0", SEMGREP_SEND_METRICS="off")
        self.tmp = tempfile.mkdtemp(prefix="redline-semgrep-")
        try:
            target = Path(self.tmp) / "batch"
            target.mkdir()
            self.names = write_batch(target, codes)
            if prefilter and trees is not None:
                config = _batch_config(Path(self.tmp), self.names, codes, trees, drop) or config
            with open(Path(self.tmp) / "out.json", "wb") as out, open(Path(self.tmp) / "err.txt", "wb") as err:
                self.proc = subprocess.Popen(_command(binary, config, target, jobs), stdout=out, stderr=err,
                                             env=env, cwd=self.tmp)
            self.deadline = time.monotonic() + timeout_s
        except OSError as exc:
            self.close()
            raise JudgeError(f"semgrep could not start: {exc}") from None
        except BaseException:
            self.close()
            raise

    def wait(self) -> list[list[Finding]]:
        """The findings per item; raises JudgeError when Semgrep failed or ran past ``timeout_s``."""
        if self.proc is None or self.tmp is None:
            self.close()
            return self.results
        try:
            try:
                returncode = self.proc.wait(timeout=max(0.0, self.deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                raise JudgeError(f"semgrep timed out after {self.timeout_s:.0f} s on a batch of "
                                 f"{len(self.names)} files") from None
            report = _parse((Path(self.tmp) / "out.json").read_bytes(), returncode,
                            (Path(self.tmp) / "err.txt").read_bytes())
        finally:
            self.close()
        results = self.results
        for result in report.get("results", []):
            index = self.names.get(Path(str(result.get("path", ""))).name)
            if index is not None:
                results[index].append(_to_finding(result))
        for i, found in enumerate(results):
            unique = {(f.rule, f.line): f for f in found}
            results[i] = sorted(unique.values(), key=lambda f: (f.line or 0, f.rule))
        return results

    def close(self) -> None:
        """Stop Semgrep if it still runs and remove the batch folder (safe to call twice)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None


def _parse(stdout: bytes, returncode: int, stderr: bytes) -> dict[str, Any]:
    tail = stderr.decode("utf-8", "replace").strip()[-400:]
    try:
        report = json.loads(stdout.decode("utf-8", "replace") or "{}")
    except ValueError:
        raise JudgeError(f"semgrep returned no JSON (exit {returncode}): {tail}") from None
    if not isinstance(report, dict):
        raise JudgeError(f"semgrep returned unexpected JSON (exit {returncode})")
    fatal = [e for e in report.get("errors", []) if isinstance(e, dict) and (
        "Rule" in str(e.get("type", "")) or "YAML" in str(e.get("type", "")) or e.get("level") == "error"
        and not e.get("path"))]
    if returncode not in (0, 1) or fatal:
        detail = "; ".join(str(e.get("message", e.get("type", "")))[:200] for e in fatal) or tail
        raise JudgeError(f"semgrep failed (exit {returncode}): {detail}")
    return report


def _to_finding(result: dict[str, Any]) -> Finding:
    extra = result.get("extra") or {}
    meta = extra.get("metadata") or {}
    raw_cwe = meta.get("cwe")
    if isinstance(raw_cwe, list):
        raw_cwe = raw_cwe[0] if raw_cwe else None
    rule = str(result.get("check_id", "")).rsplit(".", 1)[-1]
    start = result.get("start") or {}
    line = start.get("line") if isinstance(start.get("line"), int) else None
    return Finding(tool=TOOL, rule=rule, cwe=normalize_cwe(raw_cwe),
                   severity=_SEVERITY.get(str(extra.get("severity", "")).upper(), "medium"), line=line,
                   message=" ".join(str(extra.get("message", "")).split())[:300])
