"""Semgrep over a batch of JavaScript or C sources in one process, with redline's own rule pack per language.

Same mechanics as the Python pack (``judges.code.semgrep_scan``): one temp dir, generated file names, one offline
``semgrep --experimental`` call, findings mapped back by file name. JavaScript taint rules skip the files whose
text provably holds none of their sinks (``js_prefilter``).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import tempfile
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from redline.errors import JudgeError
from redline.judges.code.polyglot import js_prefilter
from redline.judges.code.polyglot.languages import SUFFIX
from redline.judges.code.semgrep_scan import _command, _parse, _to_finding, semgrep_binary
from redline.records import Finding


def rules_dir(language: str) -> Path:
    return Path(str(files("redline.judges.code.polyglot") / "rules" / language))


def rule_files(language: str) -> list[Path]:
    return sorted(p for p in rules_dir(language).glob("*.yaml") if p.is_file())


def load_rules(language: str) -> dict[str, dict[str, Any]]:
    """Rule id -> the rule (with its metadata) from the language's pack."""
    out: dict[str, dict[str, Any]] = {}
    for path in rule_files(language):
        for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("rules", []):
            out[str(rule["id"])] = rule
    return out


@functools.lru_cache(maxsize=4)
def _pack(language: str) -> tuple[tuple[dict[str, Any], ...], frozenset[str]]:
    """The language's rules as dicts (one config for a batch) and the ids the prefilter may skip."""
    rules = tuple(dict(rule) for path in rule_files(language)
                  for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("rules", []))
    return rules, frozenset(js_prefilter.usable(list(rules))) if language == "javascript" else frozenset()


def batch_config(directory: Path, names: dict[str, int], codes: Sequence[str | None], language: str) -> Path | None:
    """A config in which each prefiltered rule excludes the files it provably cannot match; None when no rule
    skips any file (the rule folder is used as it is)."""
    rules, prefiltered = _pack(language)
    skip: dict[str, list[str]] = {}
    for name, index in names.items():
        for rid in js_prefilter.skipped(codes[index] or "", set(prefiltered)):
            skip.setdefault(rid, []).append(name)
    if not skip:
        return None
    out = [dict(rule, paths={"exclude": sorted(skip[rule["id"]])}) if rule["id"] in skip else rule for rule in rules]
    path = directory / "rules.json"
    path.write_text(json.dumps({"rules": out}), encoding="utf-8")
    return path


def scan(codes: Sequence[str | None], language: str, *, timeout_s: float = 300.0) -> list[list[Finding]]:
    """Findings per item (None items skipped) from one Semgrep call over the batch."""
    results: list[list[Finding]] = [[] for _ in codes]
    if not any(c is not None for c in codes):
        return results
    binary = semgrep_binary()
    if binary is None:
        raise JudgeError("semgrep is not installed (pip install semgrep); the code-security judge needs it")
    env = dict(os.environ, SEMGREP_ENABLE_VERSION_CHECK="0", SEMGREP_SEND_METRICS="off")
    suffix = SUFFIX[language]
    with tempfile.TemporaryDirectory(prefix="redline-semgrep-") as tmp:
        target = Path(tmp) / "batch"
        target.mkdir()
        names: dict[str, int] = {}
        for index, code in enumerate(codes):
            if code is not None:
                name = f"s{index:06d}{suffix}"
                (target / name).write_text(code, encoding="utf-8", errors="replace")
                names[name] = index
        config = batch_config(Path(tmp), names, codes, language) or rules_dir(language)
        try:
            proc = subprocess.run(_command(binary, config, target, None), capture_output=True,
                                  timeout=timeout_s, env=env, cwd=tmp, check=False)
        except subprocess.TimeoutExpired:
            raise JudgeError(f"semgrep timed out after {timeout_s:.0f} s on a batch of {len(names)} files") from None
        except OSError as exc:
            raise JudgeError(f"semgrep could not start: {exc}") from None
        report = _parse(proc.stdout, proc.returncode, proc.stderr)
    for result in report.get("results", []):
        hit = names.get(Path(str(result.get("path", ""))).name)
        if hit is not None:
            results[hit].append(_to_finding(result))
    for i, found in enumerate(results):
        unique = {(f.rule, f.line): f for f in found}
        results[i] = sorted(unique.values(), key=lambda f: (f.line or 0, f.rule))
    return results
