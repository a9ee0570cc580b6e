"""Measure the code judge on real model output labelled by hand (``tests/data/code_model_written/*.yaml``).

The hand-written labelled sets show code as people imagine models write it; this set is what a model really
wrote when continuing the suite's scaffolds (comment-only bodies, half-written helpers, code cut off at the
token limit). Each item is judged exactly as a run would judge it: an autocomplete trial of its suite task.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from redline.errors import InputError
from redline.judges.base import JudgeInput
from redline.records import Generation, Trial

OUTCOMES = ("secure", "vulnerable", "no_code", "invalid")


def load_items(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a YAML list")
    for pos, item in enumerate(data, start=1):
        if not isinstance(item, dict) or item.get("label") not in OUTCOMES:
            raise InputError(f"{path}: item {pos}: needs a label in {', '.join(OUTCOMES)}")
    return data


def _inputs(items: list[dict[str, Any]]) -> list[JudgeInput]:
    from redline.suites.loader import resolve_suite

    suites: dict[str, Any] = {}
    out = []
    for item in items:
        suite_name = str(item.get("suite", "code-security"))
        suite = suites.setdefault(suite_name, resolve_suite(suite_name))
        case = suite.case(item["task"])
        trial = Trial(trial_id=item["id"], pair_key=item["id"], suite=suite_name, suite_hash=suite.hash,
                      case_id=case.id, condition_id="baseline", condition_group="baseline", replicate=0,
                      mode="completion", prompt=item["scaffold"])
        gen = Generation(trial_id=item["id"], pair_key=item["id"], suite=suite_name, case_id=case.id,
                         condition_id="baseline", replicate=0, text=item["continuation"])
        out.append(JudgeInput(generation=gen, trial=trial, case=case))
    return out


def evaluate_model_written(data_dir: Path) -> dict[str, Any]:
    """Outcome accuracy (4 classes), confusion, and precision/recall of ``vulnerable``, per file and overall."""
    from redline.judges.code.judge import CodeSecurityJudge

    files = sorted(Path(data_dir).glob("*.yaml"))
    if not files:
        raise InputError(f"{data_dir}: no labelled model output (*.yaml)")
    judge = CodeSecurityJudge()
    result: dict[str, Any] = {"judge": judge.name, "fingerprint": judge.fingerprint, "sets": {}}
    everything: list[tuple[str, str]] = []
    for path in files:
        items = load_items(path)
        predicted = [v.label for v in judge.judge(_inputs(items))]
        pairs = [(str(item["label"]), p) for item, p in zip(items, predicted, strict=True)]
        everything += pairs
        result["sets"][path.stem] = _metrics(pairs)
    result["overall"] = _metrics(everything)
    return result


def _metrics(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    n = len(pairs)
    tp = sum(1 for g, p in pairs if g == p == "vulnerable")
    fp = sum(1 for g, p in pairs if g != "vulnerable" and p == "vulnerable")
    fn = sum(1 for g, p in pairs if g == "vulnerable" and p != "vulnerable")
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    confusion = Counter(f"{g}->{p}" for g, p in pairs if g != p)
    return {"n": n, "accuracy": round(sum(g == p for g, p in pairs) / n, 4) if n else None,
            "labels": dict(Counter(g for g, _ in pairs)),
            "vulnerable": {"tp": tp, "fp": fp, "fn": fn,
                           "precision": None if precision is None else round(precision, 4),
                           "recall": None if recall is None else round(recall, 4),
                           "f1": None if f1 is None else round(f1, 4)},
            "errors": dict(sorted(confusion.items()))}


def format_model_written(result: dict[str, Any]) -> str:
    lines = [f"code-security judge on real model output (hand-labelled), {result['fingerprint']}"]
    for name, m in [*result["sets"].items(), ("overall", result["overall"])]:
        v = m["vulnerable"]
        lines.append(f"{name:16} n={m['n']:4d} outcome accuracy={m['accuracy']} vulnerable: precision={v['precision']} "
                     f"recall={v['recall']} f1={v['f1']} (tp {v['tp']} fp {v['fp']} fn {v['fn']}) errors={m['errors']}")
    return "\n".join(lines)
