"""SARIF 2.1.0 export of the code findings of a run, so they open in code-scanning tools.

Generated code is not a file in a repository, so each trial's program travels inside the log: one artifact per
trial (``trials/<trial id>.py|.js|.c`` relative to the run directory, ``uriBaseId`` RUNDIR) with the code the
judge analysed in ``contents.text``, and every result points at its artifact by index. Only findings on lines the
model wrote are results: in autocomplete mode the scaffold's lines came from the suite, not the model.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from redline import __version__
from redline.records import Case, RunData, Trial, Verdict
from redline.stats.observations import counted_verdict, primary_judges, select_verdicts

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note"}
EXTENSIONS = {"python": "py", "javascript": "js", "c": "c"}


def rule_id(tool: str, rule: str) -> str:
    return f"{tool}/{rule}" if tool else rule


_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def trial_uri(trial_id: str, language: str = "python") -> str:
    """``trials/<id>.<ext>`` for a plain id (the extension follows the code's language); any other id (``../``,
    slashes, odd characters) is hashed, so a URI never leaves the run directory."""
    ext = EXTENSIONS.get(language, "txt")
    if _SAFE_ID.match(trial_id) and ".." not in trial_id:
        return f"trials/{trial_id}.{ext}"
    return f"trials/id-{hashlib.sha256(trial_id.encode('utf-8', 'replace')).hexdigest()[:16]}.{ext}"


def scaffold_lines(trial: Trial | None) -> int:
    """How many leading lines of the judged program the model did not write: in autocomplete mode the program is
    scaffold + continuation (``judges.code.completion``), and the model's text starts on the line after the
    scaffold's last newline (a scaffold that ends mid-line shares that line with the model). Chat answers are the
    model's throughout (the suite's chat prompts hold no code to copy)."""
    if trial is None or trial.mode != "completion":
        return 0
    return trial.prompt.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").count("\n")


def _language(verdicts: list[Verdict], case: Case | None) -> str:
    for v in verdicts:
        if v.details.get("code_language") in EXTENSIONS:
            return str(v.details["code_language"])
    return case.code_language if case is not None and case.code_language in EXTENSIONS else "python"


def _code(verdicts: list[Verdict]) -> str | None:
    """The program the judge analysed (stored in its verdict), or another judge's copy of it (code-exec keeps none)."""
    for v in verdicts:
        code = v.details.get("code")
        if isinstance(code, str) and code:
            return code
    return None


def build_sarif(run: RunData) -> dict[str, Any]:
    """One SARIF run of the findings of the run's primary code judge (as its manifest records; its fallback judge
    where it gave no verdict, e.g. exploit-verified judging without a harness), with one rule per tool/rule pair
    and one artifact, holding the code, per trial with a result."""
    by_judge, used, _ = select_verdicts(run.verdicts.values(), dict(run.manifest.judges))
    code_judge = primary_judges(run.manifest.primary_judges)["code"]
    trials = {t.trial_id: t for t in run.trials}
    rules: dict[str, dict[str, Any]] = {}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    fallback = dict(run.manifest.fallback_judges)
    counted = sorted(set(by_judge.get(code_judge, {})) | set(by_judge.get(fallback.get("code", ""), {})))
    scaffold_findings = 0
    for tid in counted:
        verdict, label = counted_verdict("code", tid, by_judge, {"code": code_judge}, fallback)
        if verdict is None or not verdict.findings:
            continue
        trial = trials.get(tid)
        case = run.cases.get((trial.suite, trial.case_id)) if trial is not None else None
        others = [verdict, *(v for judge, vs in sorted(by_judge.items()) if (v := vs.get(tid)) and v is not verdict)]
        code = _code(others)
        n_lines = len(code.splitlines()) if code is not None else 0
        given = scaffold_lines(trial)
        kept = []
        for f in verdict.findings:
            if f.line and 0 < f.line <= given:
                scaffold_findings += 1  # on a scaffold line: the suite wrote it, not the model
            else:
                kept.append(f)
        if not kept:
            continue
        language = _language(others, case)
        artifact: dict[str, Any] = {"location": {"uri": trial_uri(tid, language), "uriBaseId": "RUNDIR"},
                                    "sourceLanguage": language, "roles": ["analysisTarget"],
                                    "properties": {"trial_id": tid, "model_written_from_line": given + 1}}
        if code is not None:
            artifact["contents"] = {"text": code}
            artifact["length"] = len(code.encode("utf-8"))
        index = len(artifacts)
        artifacts.append(artifact)
        counted_keys = {tuple(x) for x in verdict.details.get("counted", []) if isinstance(x, list)}
        for f in kept:
            rid = rule_id(f.tool, f.rule)
            if rid not in rules:
                tags = [f.cwe] if f.cwe else []
                rules[rid] = {"id": rid, "name": f.rule, "shortDescription": {"text": f.message or f.rule},
                              "properties": {"tags": ["security", *tags], "tool": f.tool}}
            physical: dict[str, Any] = {"artifactLocation": {"uri": artifact["location"]["uri"],
                                                             "uriBaseId": "RUNDIR", "index": index}}
            if f.line and 0 < f.line <= n_lines:  # a line past the stored code (cut at its cap) names no region
                physical["region"] = {"startLine": f.line}
            results.append({
                "ruleId": rid, "ruleIndex": list(rules).index(rid), "level": LEVELS.get(f.severity, "warning"),
                "message": {"text": f.message or f"{rid} ({f.cwe or 'no CWE'})"},
                "locations": [{"physicalLocation": physical}],
                "properties": _properties(tid, trial, verdict, label, f.cwe, f.severity, f.line,
                                          (f.tool, f.rule, f.line) in counted_keys),
            })
    return {
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "redline", "version": __version__, "rules": list(rules.values()),
                                "properties": {"judge": code_judge, "fingerprint": used.get(code_judge, "")}}},
            "originalUriBaseIds": {"RUNDIR": {"description": {"text": f"run directory {run.run_id}"}}},
            "automationDetails": {"id": f"redline/{run.run_id}"},
            "artifacts": artifacts,
            "results": results,
            "properties": {"scaffold_findings_left_out": scaffold_findings},
        }],
    }


def _properties(tid: str, trial: Trial | None, verdict: Verdict, label: str | None, cwe: str | None,
                severity: str, line: int | None, counted: bool) -> Mapping[str, Any]:
    return {"trial_id": tid, "cwe": cwe, "severity": severity, "line": line, "outcome": label or verdict.label,
            "counted": counted, "judge": verdict.judge,
            "case_id": trial.case_id if trial else "",
            "condition_id": trial.condition_id if trial else "",
            "condition_group": trial.condition_group if trial else ""}
