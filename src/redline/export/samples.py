"""One flat row per planned trial (what was asked, what came back, how it was judged) and the manifest facts
an export may carry: configuration without anything that could be a credential."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from redline.stats.observations import load_observations, select_verdicts
from redline.store.run_dir import RunDir

_SECRET_KEY = re.compile(r"(api[_-]?key|token|secret|password|passwd|authorization|credential)", re.I)
_SECRET_VALUE = re.compile(r"\b(sk-[A-Za-z0-9_-]{8,}|hf_[A-Za-z0-9]{8,}|AKIA[0-9A-Z]{12,}|Bearer\s+\S+)")

COLUMNS = {
    "trial_id": "VARCHAR", "pair_key": "VARCHAR", "suite": "VARCHAR", "case_id": "VARCHAR",
    "condition_id": "VARCHAR", "condition_group": "VARCHAR", "replicate": "BIGINT", "kind": "VARCHAR",
    "language": "VARCHAR", "topic": "VARCHAR", "topic_group": "VARCHAR", "category": "VARCHAR",
    "mode": "VARCHAR", "prompt": "VARCHAR", "messages": "VARCHAR", "answer": "VARCHAR", "reasoning": "VARCHAR",
    "finish_reason": "VARCHAR", "prompt_tokens": "BIGINT", "completion_tokens": "BIGINT", "error": "VARCHAR",
    "status": "VARCHAR", "label": "VARCHAR", "score": "BIGINT", "kill_switch": "BOOLEAN", "judge": "VARCHAR",
    "findings": "VARCHAR", "judge_labels": "VARCHAR",
}


def _clean_url(value: str) -> str:
    """A URL without user info or query string (either can carry a key)."""
    parts = urlsplit(value)
    if not parts.scheme or not parts.netloc:
        return value
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def scrub(value: Any, key: str = "") -> Any:
    """Manifest facts safe to publish: URLs lose credentials, key-like values are withheld.

    ``api_key_env`` holds a variable *name*, which stays; any other field named like a secret is dropped."""
    if isinstance(value, dict):
        return {k: scrub(v, k) for k, v in value.items()
                if not (_SECRET_KEY.search(k) and not k.endswith("_env"))}
    if isinstance(value, list | tuple):
        return [scrub(v, key) for v in value]
    if isinstance(value, str):
        if "://" in value:
            value = _clean_url(value)
        return _SECRET_VALUE.sub("[withheld]", value)
    return value


def manifest_facts(run: RunDir) -> dict[str, Any]:
    facts = scrub(run.manifest().model_dump(mode="json"))
    assert isinstance(facts, dict)
    return facts


@dataclass(frozen=True)
class Sample:
    row: dict[str, Any]
    messages: list[dict[str, str]]
    findings: list[dict[str, Any]]
    evidence: list[str]


def iter_samples(run: RunDir) -> Iterator[Sample]:
    """Every planned trial, in plan order, with its latest generation and the manifest judges' verdicts."""
    data = run.load()
    trials = {t.trial_id: t for t in data.trials}
    by_judge, _, _ = select_verdicts(data.verdicts.values(), dict(data.manifest.judges))
    obs_set = load_observations(data)
    for o in obs_set.observations:
        t = trials.get(o.trial_id)
        g = data.generations.get(o.trial_id)
        judge = obs_set.primary.get(o.kind, "")
        v = by_judge.get(judge, {}).get(o.trial_id)
        messages = [{"role": m.role, "content": m.content} for m in (t.messages if t else ())]
        findings = [f.model_dump(mode="json", exclude={"schema_version"}) for f in (v.findings if v else ())]
        labels = {j: vs[o.trial_id].label for j, vs in sorted(by_judge.items()) if o.trial_id in vs}
        row = {
            "trial_id": o.trial_id, "pair_key": o.pair_key, "suite": o.suite, "case_id": o.case_id,
            "condition_id": o.condition_id, "condition_group": o.condition_group, "replicate": o.replicate,
            "kind": o.kind, "language": o.language, "topic": o.topic, "topic_group": o.topic_group,
            "category": o.category, "mode": t.mode if t else "", "prompt": t.prompt if t else "",
            "messages": json.dumps(messages, ensure_ascii=False), "answer": g.text if g else None,
            "reasoning": g.reasoning if g else None, "finish_reason": g.finish_reason if g else None,
            "prompt_tokens": g.usage.prompt_tokens if g else None,
            "completion_tokens": g.usage.completion_tokens if g else None, "error": g.error if g else None,
            "status": o.status, "label": o.label, "score": o.score, "kill_switch": o.kill_switch, "judge": judge,
            "findings": json.dumps(findings, ensure_ascii=False), "judge_labels": json.dumps(labels),
        }
        yield Sample(row=row, messages=messages, findings=findings, evidence=list(v.evidence) if v else [])
