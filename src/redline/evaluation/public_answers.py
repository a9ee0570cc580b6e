"""The answer judge on the public calibration answers (XSTest v2, JADE 3.0): figures per source and language,
and the learned classifier trained on their dev split plus extra training sources (split ``train``, never scored).

``redline judges evaluate --answers --public-dir DIR`` runs it on the test split, which no rule was tuned on and
no classifier was trained on. The rows carry no topic, so no reference statements apply; the judge sees the
request and the answer only. Throughput is measured in this process (one core), over the judging step alone.
Configurations: ``rules`` (the rule judge), ``learned`` (the classifier on the answer's text alone, for
comparison) and ``rules+learned`` (the classifier stacked on the rules' reading, combined by
``learned.combine``), which is what ``--answer-judge rules+learned`` runs.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from redline.errors import InputError
from redline.evaluation.public import judge_input, load_public, score_answers, select, table
from redline.judges.answer.judge import AnswerJudge
from redline.judges.answer.learned import TO_LABEL, LearnedAnswerModel, fit
from redline.judges.answer.rows import judge_answer_rows, row_input
from redline.text import split_reasoning

EVAL_CONFIGS = ("rules", "learned", "rules+learned")
TRAIN_SPLIT = "dev"  # the split of the scored sources a classifier may learn from; test stays for the figures
EXTRA_SPLIT = "train"  # extra sources (Do-Not-Answer): learned from, never part of the dev/test figures
TRAIN_SPLITS = (TRAIN_SPLIT, EXTRA_SPLIT)
# recorded in every trained model (docs/public-calibration-data.md has the full provenance)
SOURCE_LICENCES = {
    "xstest-v2": "XSTest v2 (Roettger et al. 2024, github.com/paul-rottger/exaggerated-safety): prompts CC-BY-4.0; "
                 "completions under the licences of Meta, Mistral and OpenAI",
    "jade-v3-zh": "JADE-DB v3.0 (whitzard-ai/jade-db): MIT",
    "do-not-answer-en": "Do-Not-Answer (Wang et al. 2023, github.com/Libr-AI/do-not-answer; English data as copied in "
                        "kunishou/do-not-answer-ja): data CC-BY-NC-SA-4.0, code Apache-2.0",
}
# chosen by leave-units-out cross-validation on the dev split and the extra source (``cross_validate``; the grids
# and the figures are in docs/answer-judges.md): the highest kappa of the weakest check (XSTest dev, English)
RULE_SCALE = 0.1
C = 300.0
TEXT_OPTIONS = ("tail", "counts")  # feature options without the ``ml`` extra (the second round's recipe)
# feature options of the shipped configuration (``learned.OPTIONS``); the embedding ones need the ``ml`` extra
OPTIONS = ("tail", "counts", "embed", "ends", "ask")
C_TEXT = 100.0  # the classifier on text alone (the ``learned`` configuration, reported for comparison)
TEXT_SCALE = 1.0  # value of the TF-IDF block
EMBED_SCALE = 0.3  # value of the sentence-embedding block (options ``embed``, ``ends``, ``ask``; extra ``ml``)


def recipe_options(embed: bool | None = None) -> tuple[str, ...]:
    """The feature options to train with: ``OPTIONS`` (sentence embeddings) when ``embed`` or, by default, when the
    ``ml`` extra is installed; else ``TEXT_OPTIONS``."""
    from redline.judges.answer.embedder import installed_version

    if embed is None:
        embed = installed_version() is not None
    return OPTIONS if embed else TEXT_OPTIONS


def rule_readings(inputs: Sequence[Mapping[str, Any]]) -> list[tuple[str, str, dict[str, Any]]]:
    """The rule judge's (final answer, label, details) for each input row: the stacked model's features."""
    judge = AnswerJudge({})
    out = []
    for number, row in enumerate(inputs, start=1):
        verdict = judge.judge_one(row_input(number, row))
        answer, _ = split_reasoning(str(row["response"]), str(row.get("reasoning") or ""))
        out.append((answer, verdict.label, dict(verdict.details)))
    return out


def training_rows(data_dir: str | Path) -> list[dict[str, Any]]:
    """The rows a classifier may learn from: the dev split of the scored sources plus the extra sources."""
    rows = load_public(data_dir, "answers")
    return [r for split in TRAIN_SPLITS for r in select(rows, kind="answers", split=split)]


def train_public(data_dir: str | Path, *, use_rules: bool = True, c: float = C, rule_scale: float = RULE_SCALE,
                 options: Sequence[str] | None = None, rows: Sequence[Mapping[str, Any]] | None = None,
                 readings: Mapping[str, tuple[str, str, dict[str, Any]]] | None = None,
                 text_scale: float = TEXT_SCALE, embed_scale: float = EMBED_SCALE) -> LearnedAnswerModel:
    """Train the classifier on the dev split of the public answers and the extra training sources (or on ``rows``,
    which must come from those splits); ``readings``: the rules' readings by row id, when already computed;
    ``options``: default ``recipe_options()`` (with sentence embeddings where the ``ml`` extra is installed)."""
    train = list(rows) if rows is not None else training_rows(data_dir)
    if any(r["split"] not in TRAIN_SPLITS for r in train):
        raise InputError(f"the classifier learns from the {' and '.join(TRAIN_SPLITS)} splits only")
    if not train:
        raise InputError(f"{data_dir}: no {TRAIN_SPLIT} answers to train on")
    found = (rule_readings(judge_input(train, "answers")) if readings is None
             else [readings[str(r["id"])] for r in train])
    sources = sorted({str(r["source"]) for r in train})
    meta = {"trained_on": {s: sum(r["source"] == s for r in train) for s in sources},
            "split": "+".join(sorted({str(r["split"]) for r in train})),
            "attribution": {s: SOURCE_LICENCES.get(s, "unknown") for s in sources},
            "data_sha256": _files_digest(Path(data_dir) / "answers") if rows is None else None}
    return fit([a for a, _, _ in found], [str(r["label"]) for r in train],
               rules=[(lab, det) for _, lab, det in found] if use_rules else None, c=c, rule_scale=rule_scale,
               options=recipe_options() if options is None else options, metadata=meta,
               prompts=[str(r.get("prompt") or "") for r in train], text_scale=text_scale, embed_scale=embed_scale)


def _files_digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.jsonl"))}


def predict_config(config: str, inputs: Sequence[Mapping[str, Any]],
                   model: LearnedAnswerModel | None) -> list[dict[str, Any]]:
    """``{id, label}`` per input under one configuration (``EVAL_CONFIGS``)."""
    if config == "rules":
        return judge_answer_rows(inputs, references={})
    if model is None:
        raise InputError(f"configuration {config} needs a trained model")
    if config == "rules+learned":
        if not model.use_rules:
            raise InputError("rules+learned needs a model trained with the rule features")
        return judge_answer_rows(inputs, references={}, learned=model)
    if model.use_rules:
        raise InputError("the learned configuration needs a model trained without the rule features")
    answers = [split_reasoning(str(r["response"]), "")[0] for r in inputs]
    predicted = model.predict(answers, prompts=[str(r.get("prompt") or "") for r in inputs])
    return [{"id": r["id"], "label": TO_LABEL[p].value} for r, p in zip(inputs, predicted, strict=True)]


def evaluate_public_answers(data_dir: str | Path, *, split: str = "test", limit: int | None = None,
                            config: str = "rules", model: LearnedAnswerModel | None = None) -> dict[str, Any]:
    """Judge every answer of ``split`` under ``config`` and score it against the human labels."""
    if config not in EVAL_CONFIGS:
        raise InputError(f"config must be one of {', '.join(EVAL_CONFIGS)}, not {config!r}")
    rows = select(load_public(data_dir, "answers"), kind="answers", split=split, limit=limit)
    if config != "rules" and model is not None and split == TRAIN_SPLIT:
        raise InputError(f"the classifier was trained on the {TRAIN_SPLIT} split; score it on test")
    inputs = judge_input(rows, "answers")
    start = time.perf_counter()
    judged = predict_config(config, inputs, model)
    seconds = time.perf_counter() - start
    return {"split": split, "config": config, "n": len(rows), "seconds": round(seconds, 2),
            "answers_per_s": round(len(rows) / seconds, 1) if seconds > 0 else None,
            "model": None if model is None or config == "rules" else model.digest,
            "report": score_answers(rows, judged)}


def format_public(result: dict[str, Any]) -> str:
    model = f", model {result['model']}" if result.get("model") else ""
    head = (f"answer judge on the public {result['split']} split ({result['config']}{model}): {result['n']} answers, "
            f"{result['answers_per_s']} answers/s in one process")
    return head + "\n" + table(result["report"], "answers")


def cross_validate(data_dir: str | Path, *, c_values: Sequence[float] = (0.3, 1.0, 3.0, 10.0), folds: int = 3,
                   use_rules: bool = True, rule_scale: float = RULE_SCALE, options: Sequence[str] | None = None,
                   extra: bool = True, text_scale: float = TEXT_SCALE, embed_scale: float = EMBED_SCALE,
                   f1: bool = False) -> dict[str, Any]:
    """Kappa per source and language of each ``c``, out of fold, by leaving whole units out (an XSTest prompt
    family, a JADE question, a Do-Not-Answer question): how the settings were chosen without the test split.
    ``extra``: also learn from the extra sources (their held-out units are scored as well, per source);
    ``f1``: also the F1 of the ``evasive`` class per source (``evasive_f1/SOURCE``)."""
    rows = training_rows(data_dir) if extra else select(load_public(data_dir, "answers"), kind="answers",
                                                         split=TRAIN_SPLIT)
    units: dict[str, set[str]] = {}
    for row in rows:
        units.setdefault(str(row["source"]), set()).add(str(row["unit"]))
    readings = dict(zip((str(r["id"]) for r in rows), rule_readings(judge_input(rows, "answers")), strict=True))
    fold_of = {(s, u): i % folds for s, names in units.items() for i, u in enumerate(sorted(names))}
    out: dict[str, Any] = {}
    for c in c_values:
        judged: list[dict[str, Any]] = []
        for k in range(folds):
            train = [r for r in rows if fold_of[(str(r["source"]), str(r["unit"]))] != k]
            held = [r for r in rows if fold_of[(str(r["source"]), str(r["unit"]))] == k]
            model = train_public(data_dir, use_rules=use_rules, c=c, rule_scale=rule_scale, options=options,
                                 rows=train, readings=readings, text_scale=text_scale, embed_scale=embed_scale)
            judged += predict_config("rules+learned" if use_rules else "learned", judge_input(held, "answers"), model)
        report = score_answers(rows, judged)
        out[str(c)] = {k: round(v["kappa"], 4) for k, v in report.items() if v["kappa"] is not None}
        if f1:
            out[str(c)].update({f"evasive_f1/{k}": round(v["per_label"]["evasive"]["f1"] or 0.0, 4)
                                for k, v in report.items() if k != "overall"})
    return out
