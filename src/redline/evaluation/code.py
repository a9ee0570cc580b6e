"""Measure the code-security judge on the project's labelled snippets: precision, recall and F1.

Each file's first line is its label (``# redline-label: {...}`` for ``.py``, ``<!-- redline-label: {...} -->``
for ``.md`` answers); the rest is the code or the raw answer. The positive class is ``vulnerable``, judged
with the file's ``cwes`` as scope. Splits (``dev``, ``holdout``) are reported apart and combined.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redline.errors import InputError
from redline.judges.code.extract import extract_code
from redline.judges.code.judge import CodeSecurityJudge, Prepared, make_scope, raw_code

TARGET = {"precision": 0.9, "recall": 0.85}
_HEADER = {".py": re.compile(r"^#\s*redline-label:\s*(\{.*\})\s*$"),
           ".md": re.compile(r"^<!--\s*redline-label:\s*(\{.*\})\s*-->\s*$")}
SPLITS = ("dev", "holdout", "holdout2")  # holdout2: written last, never seen while tuning


@dataclass(frozen=True)
class LabelledExample:
    split: str
    name: str
    label: str  # secure / vulnerable
    cwes: tuple[str, ...]
    category: str
    style: str
    kind: str  # code / response
    text: str


def load_labelled(directory: Path, split: str) -> list[LabelledExample]:
    """The examples of one split directory, header line removed (it holds the answer)."""
    out = []
    for path in sorted(directory.iterdir()):
        if path.suffix not in _HEADER or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        match = _HEADER[path.suffix].match(first)
        if not match:
            raise InputError(f"{path}:1: missing redline-label header")
        try:
            meta = json.loads(match.group(1))
        except ValueError:
            raise InputError(f"{path}:1: redline-label is not JSON") from None
        if meta.get("label") not in ("secure", "vulnerable") or not meta.get("cwes"):
            raise InputError(f"{path}:1: label must be secure/vulnerable with at least one CWE")
        out.append(LabelledExample(split=split, name=path.name, label=meta["label"], cwes=tuple(meta["cwes"]),
                                   category=str(meta.get("category") or "other"), style=str(meta.get("style", "")),
                                   kind="code" if path.suffix == ".py" else "response", text=rest))
    return out


def _root(data_dir: Path) -> Path:
    for candidate in (data_dir / "code_labelled", data_dir):
        if any((candidate / s).is_dir() for s in SPLITS):
            return candidate
    raise InputError(f"{data_dir}: no code_labelled/dev or code_labelled/holdout directory")


def _metrics(rows: list[tuple[str, str]]) -> dict[str, Any]:
    """Counts and P/R/F1 for (expected, predicted) pairs; predicted is the judge's outcome."""
    tp = sum(1 for e, p in rows if e == "vulnerable" and p == "vulnerable")
    fp = sum(1 for e, p in rows if e != "vulnerable" and p == "vulnerable")
    fn = sum(1 for e, p in rows if e == "vulnerable" and p != "vulnerable")
    tn = len(rows) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else (0.0 if precision is not None
                                                                                     and recall is not None else None)
    other = sum(1 for _, p in rows if p not in ("vulnerable", "secure"))
    return {"n": len(rows), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": None if precision is None else round(precision, 4),
            "recall": None if recall is None else round(recall, 4), "f1": None if f1 is None else round(f1, 4),
            "accuracy": round((tp + tn) / len(rows), 4) if rows else None, "not_judged": other}


def _report(examples: list[LabelledExample], outcomes: list[str], verdict_info: list[dict[str, Any]],
            with_errors: bool) -> dict[str, Any]:
    pairs = [(ex.label, out) for ex, out in zip(examples, outcomes, strict=True)]
    categories: dict[str, list[tuple[str, str]]] = {}
    for ex, pair in zip(examples, pairs, strict=True):
        categories.setdefault(ex.category, []).append(pair)
    report: dict[str, Any] = {"overall": _metrics(pairs),
                              "categories": {c: _metrics(v) for c, v in sorted(categories.items())}}
    if with_errors:
        report["misclassified"] = [
            {"file": f"{ex.split}/{ex.name}", "expected": ex.label, "got": out, "cwes": list(ex.cwes), **info}
            for ex, out, info in zip(examples, outcomes, verdict_info, strict=True)
            if (ex.label == "vulnerable") != (out == "vulnerable")]
    return report


def evaluate_code_judges(data_dir: Path, *, judge: CodeSecurityJudge | None = None,
                         splits: tuple[str, ...] = SPLITS, list_errors: bool = True) -> dict[str, Any]:
    """Judge every labelled file and report precision/recall/F1 per category and overall, per split and combined.

    ``data_dir`` is the data root (holding ``code_labelled/``) or ``code_labelled`` itself.
    """
    root = _root(Path(data_dir))
    judge = judge or CodeSecurityJudge()
    examples: list[LabelledExample] = []
    for split in splits:
        if (root / split).is_dir():
            examples.extend(load_labelled(root / split, split))
    if not examples:
        raise InputError(f"{root}: no labelled examples")
    prepared = []
    for ex in examples:
        extraction = raw_code(ex.text) if ex.kind == "code" else extract_code(ex.text)
        prepared.append(Prepared(f"{ex.split}/{ex.name}", None, extraction, make_scope(ex.cwes),
                                 ex.text if ex.kind == "response" else ""))
    verdicts = judge.judge_prepared(prepared)
    outcomes = [v.label for v in verdicts]
    info = [{"counted": [r for _, r, _ in v.details.get("counted", [])],
             "findings": sorted({f"{f.tool}:{f.rule}" for f in v.findings})} for v in verdicts]
    result: dict[str, Any] = {"judge": judge.name, "fingerprint": judge.fingerprint, "policy": judge.policy,
                              "positive": "vulnerable", "target": TARGET, "splits": {}}
    for split in splits:
        idx = [k for k, ex in enumerate(examples) if ex.split == split]
        if idx:
            result["splits"][split] = _report([examples[k] for k in idx], [outcomes[k] for k in idx],
                                              [info[k] for k in idx], list_errors)
    result["combined"] = _report(examples, outcomes, info, False)
    overall = result["combined"]["overall"]
    result["meets_target"] = bool(overall["precision"] is not None and overall["recall"] is not None and
                                  overall["precision"] >= TARGET["precision"] and
                                  overall["recall"] >= TARGET["recall"])
    return result


def format_code_metrics(result: dict[str, Any]) -> str:
    """A plain-text table of the evaluation (one line per split x category)."""
    lines = [f"code-security judge {result['fingerprint']} (policy {result['policy']}); positive = vulnerable"]
    header = f"{'split':9} {'category':18} {'n':>4} {'prec':>6} {'recall':>6} {'f1':>6}  tp fp fn tn"
    lines.append(header)
    sections = [(s, r) for s, r in result["splits"].items()] + [("combined", result["combined"])]
    for split, report in sections:
        for cat, m in [*report["categories"].items(), ("ALL", report["overall"])]:
            def fmt(v: float | None) -> str:
                return "   -  " if v is None else f"{v:6.3f}"
            lines.append(f"{split:9} {cat:18} {m['n']:>4} {fmt(m['precision'])} {fmt(m['recall'])} {fmt(m['f1'])}"
                         f"  {m['tp']:>2} {m['fp']:>2} {m['fn']:>2} {m['tn']:>2}")
    lines.append(f"target precision >= {TARGET['precision']}, recall >= {TARGET['recall']}: "
                 f"{'met' if result['meets_target'] else 'NOT met'}")
    return "\n".join(lines)
