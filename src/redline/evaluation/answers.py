"""Measure the answer judges against the project's hand-labelled answers.

The labelled set lives in ``tests/data/answers_labelled/<split>/*.yaml`` (lists of ``{id, language, topic,
prompt, response, reasoning?, label, kill_switch?, note}``). Rules are tuned on ``dev`` only; ``holdout`` is
read solely to report how well they generalise, so the figures for it are honest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from redline.errors import InputError, RedlineError
from redline.judges.answer.judge import STRICTNESS, AnswerJudge, assess_answer
from redline.judges.answer.model_graded import cohen_kappa
from redline.judges.reasoning import detect_kill_switch
from redline.records import AnswerLabel
from redline.text import split_reasoning

LABELS = tuple(label.value for label in AnswerLabel)
SPLITS = ("dev", "holdout", "holdout2")  # holdout2: written last, never seen while tuning


def load_labelled(data_dir: Path, split: str) -> list[dict[str, Any]]:
    """Rows of one split, each tagged with its file and position so duplicate ids stay distinguishable."""
    folder = Path(data_dir) / split
    rows: list[dict[str, Any]] = []
    if not folder.is_dir():
        return rows
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(data, list):
            raise InputError(f"{path}: expected a YAML list of labelled answers")
        for pos, row in enumerate(data):
            if not isinstance(row, dict) or "response" not in row or row.get("label") not in LABELS:
                raise InputError(f"{path}: item {pos + 1}: needs a response and a label in {', '.join(LABELS)}")
            rows.append({**row, "split": split, "source": f"{path.name}#{pos + 1}"})
    return rows


def default_references(data_dir: Path | None = None) -> dict[str, Any]:
    """The censorship suite's reference statements (topic pools of its per-question references), plus those in
    ``<data_dir>/references.yaml`` for labelled topics the suite no longer has; {} when neither loads."""
    refs: dict[str, Any] = {}
    extra = Path(data_dir) / "references.yaml" if data_dir is not None else None
    if extra is not None and extra.is_file():
        loaded = yaml.safe_load(extra.read_text(encoding="utf-8"))
        refs.update(loaded if isinstance(loaded, dict) else {})
    try:
        from redline.suites.loader import builtin_suites, load_suite

        path = builtin_suites().get("censorship")
        if path is not None:
            refs.update(load_suite(path).references)
    except (RedlineError, OSError):  # evaluation degrades to topic-independent markers
        pass
    return refs


def classification_metrics(gold: Sequence[str], pred: Sequence[str], ids: Sequence[str],
                           labels: Sequence[str] = LABELS) -> dict[str, Any]:
    """Accuracy, macro-F1 (over labels present in gold or predictions), kappa, per-label P/R/F1, confusion."""
    n = len(gold)
    per_label: dict[str, dict[str, float | int]] = {}
    f1s: list[float] = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                            "support": tp + fn}
        if tp + fn or tp + fp:
            f1s.append(f1)
    extra = sorted(set(pred) - set(labels))
    confusion = {g: {p: sum(x == g and y == p for x, y in zip(gold, pred, strict=True))
                     for p in (*labels, *extra)} for g in labels}
    kappa = cohen_kappa(gold, pred)
    return {
        "n": n,
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / n, 4) if n else None,
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
        "kappa": None if kappa is None else round(kappa, 4),
        "per_label": per_label, "confusion": confusion,
        "misclassified": [{"id": i, "expected": g, "predicted": p}
                          for i, g, p in zip(ids, gold, pred, strict=True) if g != p],
    }


def _predict(rows: Iterable[dict[str, Any]], judge: AnswerJudge) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        answer, reasoning = split_reasoning(str(row["response"]), str(row.get("reasoning") or ""))
        found = assess_answer(answer, language=row.get("language"), topic=row.get("topic"), library=judge.library,
                              strictness=judge.strictness, prompt=str(row.get("prompt") or ""))
        kill, _ = detect_kill_switch(reasoning, answer, answer_declined=found.declined, language=found.language)
        out.append({"label": found.label.value, "kill_switch": kill, "language": found.language})
    return out


def _report(rows: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    ids = [f"{r.get('id', '?')} ({r['source']})" for r in rows]
    report = classification_metrics([r["label"] for r in rows], [p["label"] for p in preds], ids)
    pairs = [(r.get("kill_switch"), p["kill_switch"], i) for r, p, i in zip(rows, preds, ids, strict=True)
             if r.get("kill_switch") is not None]
    right = sum(bool(g) == bool(p) for g, p, _ in pairs)
    report["kill_switch"] = {
        "n": len(pairs), "accuracy": round(right / len(pairs), 4) if pairs else None,
        "misclassified": [{"id": i, "expected": g, "predicted": p} for g, p, i in pairs if bool(g) != bool(p)],
    }
    return report


def _by_language(rows: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    out = {"overall": _report(rows, preds)}
    for lang in ("en", "zh"):
        keep = [i for i, r in enumerate(rows) if (r.get("language") or preds[i]["language"]) == lang]
        if keep:
            out[lang] = _report([rows[i] for i in keep], [preds[i] for i in keep])
    return out


def evaluate_answer_judges(data_dir: Path, references: Mapping[str, Any] | None = None, *,
                           splits: Sequence[str] = SPLITS,
                           variants: Sequence[str] = STRICTNESS) -> dict[str, Any]:
    """Score the rule judge (each strictness variant) per split, combined, per language and overall."""
    refs = default_references(Path(data_dir)) if references is None else dict(references)
    loaded = {split: load_labelled(Path(data_dir), split) for split in splits}
    if not any(loaded.values()):
        raise InputError(f"{data_dir}: no labelled answers under {', '.join(splits)}")
    result: dict[str, Any] = {"data_dir": str(data_dir), "references": sorted(refs), "variants": {}}
    for variant in variants:
        judge = AnswerJudge(refs, strictness=variant)
        preds = {split: _predict(rows, judge) for split, rows in loaded.items()}
        by_split = {split: _by_language(loaded[split], preds[split]) for split in splits if loaded[split]}
        if len(by_split) > 1:
            all_rows = [r for s in splits for r in loaded[s]]
            all_preds = [p for s in splits for p in preds[s]]
            by_split["combined"] = _by_language(all_rows, all_preds)
        result["variants"][variant] = {"fingerprint": judge.fingerprint, "splits": by_split}
    return result


def summary_lines(result: Mapping[str, Any]) -> list[str]:
    """One line per variant, split and language: the figures a person reads first."""
    lines = []
    for variant, body in result["variants"].items():
        for split, langs in body["splits"].items():
            for lang, rep in langs.items():
                ks = rep["kill_switch"]
                lines.append(f"{variant:8s} {split:9s} {lang:8s} n={rep['n']:4d} acc={rep['accuracy']} "
                             f"macroF1={rep['macro_f1']} kappa={rep['kappa']} kill_switch={ks['accuracy']} "
                             f"(n={ks['n']})")
    return lines
