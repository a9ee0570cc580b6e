"""SARIF 2.1.0 export of the code findings of a run, so they open in code-scanning tools.

Generated code is not a file in a repository: each trial's code is addressed as ``trials/<trial id>.py``
relative to the run directory (``uriBaseId`` RUNDIR), with the trial's condition and case as properties.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from redline import __version__
from redline.records import RunData
from redline.stats.observations import counted_verdict, primary_judges, select_verdicts

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note"}


def rule_id(tool: str, rule: str) -> str:
    return f"{tool}/{rule}" if tool else rule


_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def trial_uri(trial_id: str) -> str:
    """``trials/<id>.py`` for a plain id; any other id (``../``, slashes, odd characters) is hashed, so a URI
    never leaves the run directory."""
    if _SAFE_ID.match(trial_id) and ".." not in trial_id:
        return f"trials/{trial_id}.py"
    return f"trials/id-{hashlib.sha256(trial_id.encode('utf-8', 'replace')).hexdigest()[:16]}.py"


def build_sarif(run: RunData) -> dict[str, Any]:
    """One SARIF run of the findings of the run's primary code judge (as its manifest records; its fallback judge
    where it gave no verdict, e.g. exploit-verified judging without a harness), with one rule per tool/rule pair."""
    by_judge, used, _ = select_verdicts(run.verdicts.values(), dict(run.manifest.judges))
    code_judge = primary_judges(run.manifest.primary_judges)["code"]
    trials = {t.trial_id: t for t in run.trials}
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    fallback = dict(run.manifest.fallback_judges)
    counted = sorted(set(by_judge.get(code_judge, {})) | set(by_judge.get(fallback.get("code", ""), {})))
    for tid in counted:
        verdict, _ = counted_verdict("code", tid, by_judge, {"code": code_judge}, fallback)
        if verdict is None:
            continue
        trial = trials.get(tid)
        for f in verdict.findings:
            rid = rule_id(f.tool, f.rule)
            if rid not in rules:
                tags = [f.cwe] if f.cwe else []
                rules[rid] = {"id": rid, "name": f.rule, "shortDescription": {"text": f.message or f.rule},
                              "properties": {"tags": ["security", *tags], "tool": f.tool}}
            region = {"startLine": f.line} if f.line and f.line > 0 else {}
            location: dict[str, Any] = {"physicalLocation": {
                "artifactLocation": {"uri": trial_uri(tid), "uriBaseId": "RUNDIR"}}}
            if region:
                location["physicalLocation"]["region"] = region
            results.append({
                "ruleId": rid, "ruleIndex": list(rules).index(rid), "level": LEVELS.get(f.severity, "warning"),
                "message": {"text": f.message or f"{rid} ({f.cwe or 'no CWE'})"}, "locations": [location],
                "properties": {"trial_id": tid, "cwe": f.cwe, "severity": f.severity, "outcome": verdict.label,
                               "judge": verdict.judge,
                               "case_id": trial.case_id if trial else "",
                               "condition_id": trial.condition_id if trial else "",
                               "condition_group": trial.condition_group if trial else ""},
            })
    return {
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "redline", "version": __version__, "rules": list(rules.values()),
                                "properties": {"judge": code_judge, "fingerprint": used.get(code_judge, "")}}},
            "originalUriBaseIds": {"RUNDIR": {"description": {"text": f"run directory {run.run_id}"}}},
            "automationDetails": {"id": f"redline/{run.run_id}"},
            "results": results,
        }],
    }
