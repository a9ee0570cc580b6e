"""The judges' measured error rates: evaluation over the labelled sets, and the shipped snapshot reports show.

`redline judges evaluate` recomputes everything from `tests/data/` (a source checkout). Reports cannot
assume a checkout, so the headline figures are also shipped in `judge_metrics.json`, written by
`redline judges evaluate --write-snapshot` and checked against a fresh evaluation by the test suite.
"""

from __future__ import annotations

import json
import os
from importlib.resources import files
from pathlib import Path
from typing import Any

from redline.errors import InputError

SNAPSHOT = "judge_metrics.json"


DATA_ENV = "REDLINE_LABELLED_DATA"


def data_dir_from(option: str | Path | None) -> Path:
    """The labelled data root: the ``--data-dir`` given, else ``$REDLINE_LABELLED_DATA``, else ``tests/data``
    under the current directory (a source checkout). Never searched for."""
    chosen = option or os.environ.get(DATA_ENV) or Path("tests") / "data"
    root = Path(chosen)
    if not ((root / "code_labelled").is_dir() or (root / "answers_labelled").is_dir()):
        raise InputError(f"--data-dir: {root} holds no labelled data (code_labelled/, answers_labelled/); "
                         f"pass --data-dir or set {DATA_ENV}")
    return root


def evaluate_all(data_dir: str | Path, *, which: str = "all") -> dict[str, Any]:
    """Every judge's evaluation on the labelled data under ``data_dir``."""
    root = Path(data_dir)
    out: dict[str, Any] = {}
    if which in ("all", "code"):
        from redline.evaluation.code import evaluate_code_judges

        out["code-security"] = evaluate_code_judges(root / "code_labelled")
        if (root / "code_model_written").is_dir():
            from redline.evaluation.model_written import evaluate_model_written

            try:
                out["code-security-model-written"] = evaluate_model_written(root / "code_model_written")
            except InputError as exc:  # e.g. labelling in progress: say so instead of failing the rest
                out["code-security-model-written"] = {"error": str(exc)}
    if which in ("all", "answer"):
        from redline.evaluation.answers import evaluate_answer_judges

        out["answer-rules"] = evaluate_answer_judges(root / "answers_labelled")
        from redline.judges.answer.reference_consistency import shipped_self_consistency

        out["reference-consistency"] = shipped_self_consistency()
    return out


def headline(result: dict[str, Any]) -> dict[str, Any]:
    """The compact figures reports show next to the contrasts that depend on each judge."""
    out: dict[str, Any] = {}
    code = result.get("code-security")
    if code:
        keep = ("n", "precision", "recall", "f1")
        counts = ("tp", "fp", "fn", "tn")  # the confusion counts: stats correct rates for the judge's error
        out["code-security"] = {
            "fingerprint": code["fingerprint"], "positive": "vulnerable",
            "splits": {name: {k: rep["overall"][k] for k in (*keep, *counts)}
                       for name, rep in [*code["splits"].items(), ("combined", code["combined"])]},
            "categories": {cat: {k: m[k] for k in keep} for cat, m in code["combined"]["categories"].items()},
        }
    written = result.get("code-security-model-written")
    if written and "error" not in written:
        out["code-security-model-written"] = {
            "fingerprint": written["fingerprint"], "positive": "vulnerable",
            "sets": {name: {"n": m["n"], "outcome_accuracy": m["accuracy"], **{
                k: m["vulnerable"][k] for k in ("precision", "recall", "f1")}}
                for name, m in [*written["sets"].items(), ("overall", written["overall"])]},
        }
    answers = result.get("answer-rules")
    if answers:
        strict = answers["variants"]["strict"]
        keep = ("n", "accuracy", "macro_f1", "kappa")
        out["answer-rules"] = {
            "fingerprint": strict["fingerprint"], "variant": "strict",
            # the overall confusion (gold -> predicted -> count): stats correct each label's rate for the judge's error
            "splits": {split: {lang: {**{k: rep[k] for k in keep},
                                      **({"confusion": rep["confusion"]} if lang == "overall" else {})}
                               for lang, rep in langs.items()}
                       for split, langs in strict["splits"].items()},
        }
    consistency = result.get("reference-consistency")
    if consistency and "error" not in consistency:
        out["reference-consistency"] = {lang: {k: body[k] for k in ("n", "rate")}
                                        for lang, body in consistency["by_language"].items()}
    return out


def format_metrics(result: dict[str, Any]) -> str:
    parts = []
    if "code-security" in result:
        from redline.evaluation.code import format_code_metrics

        parts.append(format_code_metrics(result["code-security"]))
    written = result.get("code-security-model-written")
    if written:
        from redline.evaluation.model_written import format_model_written

        parts.append(f"model-written set: {written['error']}" if "error" in written else format_model_written(written))
    if "answer-rules" in result:
        from redline.evaluation.answers import summary_lines

        parts.append("answer-rules judge (dev = tuned on, holdout = never seen while tuning)\n"
                     + "\n".join(summary_lines(result["answer-rules"])))
    consistency = result.get("reference-consistency")
    if consistency:
        from redline.judges.answer.reference_consistency import summary_lines as consistency_lines

        parts.append(consistency.get("error") or "\n".join(consistency_lines(consistency)))
    return "\n\n".join(parts)


def snapshot_path() -> Path:
    return Path(str(files("redline.evaluation").joinpath(SNAPSHOT)))


def write_snapshot(result: dict[str, Any]) -> Path:
    path = snapshot_path()
    path.write_text(json.dumps(headline(result), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def load_judge_metrics() -> dict[str, Any]:
    """The shipped headline figures ({} when absent)."""
    path = snapshot_path()
    if not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
