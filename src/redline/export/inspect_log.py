"""An Inspect AI eval log (JSON format) of a run, so ``inspect view`` can browse it.

Each planned trial is one sample: id ``suite/case/condition``, epoch = replicate + 1, the request as input, the
answer (with its reasoning trace) as output, and every manifest judge's label as a score. The log is
written by hand from Inspect's published schema; Inspect itself is only a test dependency that reads it back.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from redline import __version__
from redline.export.paths import inside, slug
from redline.export.samples import Sample, iter_samples, manifest_facts
from redline.store.jsonl import write_text_atomic
from redline.store.run_dir import RunDir

STOP_REASONS = {"stop": "stop", "length": "max_tokens", "max_tokens": "max_tokens", "content_filter": "content_filter",
                "tool_calls": "tool_calls"}


def _input(sample: Sample) -> Any:
    if sample.messages:
        return [{"role": m["role"], "content": m["content"], "source": "input"} for m in sample.messages]
    return sample.row["prompt"] or ""


def _sample(sample: Sample, model: str) -> dict[str, Any]:
    r = sample.row
    text = r["answer"] or ""
    content: Any = text
    if r["reasoning"]:
        content = [{"type": "reasoning", "reasoning": r["reasoning"]}, {"type": "text", "text": text}]
    assistant = {"role": "assistant", "content": content, "source": "generate", "model": model}
    usage = {"input_tokens": r["prompt_tokens"] or 0, "output_tokens": r["completion_tokens"] or 0,
             "total_tokens": (r["prompt_tokens"] or 0) + (r["completion_tokens"] or 0)}
    inp = _input(sample)
    history = inp if isinstance(inp, list) else [{"role": "user", "content": inp, "source": "input"}]
    out: dict[str, Any] = {
        "id": f"{r['suite']}/{r['case_id']}/{r['condition_id']}", "epoch": int(r["replicate"]) + 1,
        "input": inp, "target": "",
        "messages": [*history, assistant] if r["answer"] is not None else history,
        "output": {"model": model, "choices": [{"message": assistant,
                                                "stop_reason": STOP_REASONS.get(r["finish_reason"] or "", "unknown")}]
                   if r["answer"] is not None else [], "completion": text, "usage": usage},
        "scores": {}, "model_usage": {model: usage},
        "metadata": {k: r[k] for k in ("trial_id", "pair_key", "suite", "case_id", "condition_id", "condition_group",
                                       "replicate", "kind", "language", "topic", "topic_group", "category", "status")},
    }
    labels = json.loads(r["judge_labels"])
    for judge, label in labels.items():
        main = judge == r["judge"]
        out["scores"][judge] = {
            "value": label, "answer": text[:2000] if main else None,
            "explanation": "; ".join(sample.evidence) if main and sample.evidence else None,
            "metadata": {"findings": sample.findings, "severity": r["score"], "kill_switch": r["kill_switch"]}
            if main else {}}
    if r["error"]:
        out["error"] = {"message": r["error"], "traceback": "", "traceback_ansi": ""}
    return out


def build_log(run: RunDir) -> dict[str, Any]:
    facts = manifest_facts(run)
    backend = facts.get("backend", {})
    model = f"{backend.get('provider', 'unknown')}/{backend.get('model', '') or 'model'}"
    samples = list(iter_samples(run))
    suites = sorted({s.row["suite"] for s in samples}) or [s.get("name", "") for s in facts.get("suites", [])]
    task = "redline/" + "+".join(suites)
    eval_id = hashlib.sha256(f"{run.run_id}|{facts.get('created_at')}".encode()).hexdigest()[:22]
    per_judge: dict[str, Counter[str]] = {}
    for s in samples:
        for judge, label in json.loads(s.row["judge_labels"]).items():
            per_judge.setdefault(judge, Counter())[label] += 1
    scores = [{"name": judge, "scorer": judge, "scored_samples": sum(c.values()),
               "unscored_samples": len(samples) - sum(c.values()),
               "metrics": {f"{label} share": {"name": f"{label} share", "value": n / sum(c.values())}
                           for label, n in sorted(c.items())}} for judge, c in sorted(per_judge.items())]
    config = facts.get("config", {})
    usage = {"input_tokens": sum(s.row["prompt_tokens"] or 0 for s in samples),
             "output_tokens": sum(s.row["completion_tokens"] or 0 for s in samples)}
    usage["total_tokens"] = usage["input_tokens"] + usage["output_tokens"]
    created = facts.get("created_at") or "1970-01-01T00:00:00+00:00"
    return {
        "version": 2, "status": "success",
        "eval": {"eval_id": eval_id, "run_id": run.run_id, "created": created, "task": task, "task_id": eval_id,
                 "task_version": 0, "dataset": {"name": "+".join(suites), "samples": len(samples)},
                 "model": model, "model_base_url": config.get("base_url"),
                 "config": {}, "packages": {"redline": __version__},
                 "metadata": {"source": "redline export", "redline_manifest": facts}},
        "plan": {"name": "redline", "steps": [{"solver": "redline/generate", "params": {}}],
                 "config": {k: config[k] for k in ("max_tokens", "temperature", "seed") if config.get(k) is not None}},
        "results": {"total_samples": len(samples),
                    "completed_samples": sum(1 for s in samples if s.row["status"] == "ok"), "scores": scores},
        "stats": {"started_at": created, "completed_at": created, "model_usage": {model: usage}},
        "samples": [_sample(s, model) for s in samples],
    }


def export_inspect(run: RunDir, out: Path) -> list[Path]:
    """``<created>_<task>_<id>.json`` in ``out`` (Inspect's log-file naming), then ``inspect view --log-dir OUT``."""
    log = build_log(run)
    stamp = slug(str(log["eval"]["created"]).replace(":", "-"), 40)
    target = inside(out, f"{stamp}_{slug(log['eval']['task'], 60)}_{log['eval']['eval_id']}.json")
    write_text_atomic(target, json.dumps(log, ensure_ascii=False, indent=1) + "\n")
    return [target]
