"""The answer judge against blind human-style labels of real model answers to China-sensitive prompts (issue 14).

Why: the other public answer sets (XSTest, JADE) hold no political questions. ``tests/data/answers_public`` holds
290 answers of real models (DeepSeek-R1 distills, Qwen, Kimi, InternLM, Yi) from four licensed repositories,
labelled blind from ``labelling/GUIDE.md`` by labellers who never saw the judge. The primary label of a row comes
from one of A, D, C (each took a part of the rows: 1-35, 36-145, 146-290), the second label from B or E (a seeded
shared subset of 100: B the first 30, E the rest). This module reports the agreement of the two labels first (how
far any judge can be expected to agree), then the judge against each, per language, split and source.

  python -m redline.evaluation.china_answers [--data DIR] [--config rules|rules+learned] [--model FILE] [--json F]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from redline.errors import InputError
from redline.evaluation.public import cohen_kappa

LABELS = ("refusal", "deflection", "state_narrative", "substantive", "degenerate")
FOLD3 = {"refusal": "refusal", "deflection": "evasive", "state_narrative": "evasive", "degenerate": "evasive",
         "substantive": "complete"}  # the public sets' three classes (``public.JUDGE_TO_ANSWER``)
PRIMARY = ("A", "D", "C")  # the primary label of a row: the first of these labellers who labelled it
SECOND = ("B", "E")  # the second label on the shared subset
LABELLERS = PRIMARY + SECOND


def default_dir() -> Path:
    """``tests/data/answers_public`` of this checkout."""
    return Path(__file__).resolve().parents[3] / "tests" / "data" / "answers_public"


def load(data_dir: str | Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, dict[str, Any]]]]:
    """The rows and, per labeller, ``label_id -> label row``; a label outside ``LABELS`` is an input error."""
    folder = Path(data_dir)
    rows = [json.loads(line) for line in (folder / "china_answers.jsonl").read_text("utf-8").splitlines() if line]
    labels: dict[str, dict[str, dict[str, Any]]] = {}
    for who in LABELLERS:
        path = folder / "labels" / f"{who}.jsonl"
        if not path.exists():
            continue
        got: dict[str, dict[str, Any]] = {}
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            if item.get("label") not in LABELS:
                raise InputError(f"{path}:{n}: label must be one of {', '.join(LABELS)}, got {item.get('label')!r}")
            got[str(item["id"])] = item
        labels[who] = got
    return rows, labels


def agreement(a: Sequence[str], b: Sequence[str]) -> dict[str, Any]:
    """Agreement of two label lists: five labels and folded to three classes."""
    a3, b3 = [FOLD3[x] for x in a], [FOLD3[x] for x in b]
    same = sum(x == y for x, y in zip(a, b, strict=True))
    return {"n": len(a), "agreement": same / len(a) if a else None, "kappa5": cohen_kappa(list(a), list(b)),
            "kappa3": cohen_kappa(a3, b3), "confusion": dict(sorted(Counter(f"{x}->{y}" for x, y in
                                                                           zip(a, b, strict=True)).items()))}


def judge_rows(rows: Sequence[Mapping[str, Any]], config: str = "rules",
               model: Any = None) -> dict[str, dict[str, Any]]:
    """``label_id -> {label, kill_switch}`` from the answer judge (no reference statements: public rows have none)."""
    from redline.evaluation.public_answers import predict_config
    inputs = [{"id": r["label_id"], "response": r["answer"], "prompt": r["prompt"], "language": r["language"],
               **({"reasoning": r["reasoning"]} if r.get("reasoning") else {})} for r in rows]
    return {str(v["id"]): dict(v) for v in predict_config(config, inputs, model)}


def evaluate(data_dir: str | Path | None = None, *, config: str = "rules", model: Any = None) -> dict[str, Any]:
    """Labeller agreement, then the judge against each labeller, per language, per split and overall."""
    rows, labels = load(data_dir or default_dir())
    if not any(who in labels for who in PRIMARY):
        raise InputError(f"no labels yet: none of labels/{{{','.join(PRIMARY)}}}.jsonl exists")
    verdicts = judge_rows(rows, config, model)
    report: dict[str, Any] = {"config": config, "n_rows": len(rows), "labelled": {k: len(v) for k, v in labels.items()},
                              "labellers": {}}
    for i, x in enumerate(LABELLERS):
        for y in LABELLERS[i + 1:]:
            both = [r["label_id"] for r in rows if r["label_id"] in labels.get(x, {}) and r["label_id"] in
                    labels.get(y, {})]
            if both:
                report["labellers"][f"{x}-{y}"] = agreement([labels[x][k]["label"] for k in both],
                                                            [labels[y][k]["label"] for k in both])
    primary, second = _merged(labels, PRIMARY), _merged(labels, SECOND)
    report["n_primary"], report["n_second"] = len(primary), len(second)
    both = [r["label_id"] for r in rows if r["label_id"] in primary and r["label_id"] in second]
    if both:
        report["labellers"]["primary-second"] = agreement([primary[k]["label"] for k in both],
                                                          [second[k]["label"] for k in both])
    targets = {"primary": primary, **({"second": second} if second else {})}
    for who, got in targets.items():
        groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for r in rows:
            if r["label_id"] in got:
                groups["overall"].append(r)
                groups[f"language {r['language']}"].append(r)
                groups[f"split {r['split']}"].append(r)
                groups[f"source {r['source']}"].append(r)
        report[f"judge_vs_{who}"] = {
            name: {**agreement([got[r["label_id"]]["label"] for r in part],
                               [verdicts[r["label_id"]]["label"] for r in part]),
                   "kill_switch": _kill(part, got, verdicts)}
            for name, part in sorted(groups.items())}
    return report


def _merged(labels: Mapping[str, Mapping[str, dict[str, Any]]], order: Sequence[str]) -> dict[str, dict[str, Any]]:
    """One label per row from the first labeller in ``order`` who labelled it."""
    merged: dict[str, dict[str, Any]] = {}
    for who in reversed(order):
        merged.update(labels.get(who, {}))
    return merged


def _kill(part: Sequence[Mapping[str, Any]], got: Mapping[str, Mapping[str, Any]],
          verdicts: Mapping[str, Mapping[str, Any]]) -> dict[str, int]:
    both = sum(bool(got[r["label_id"]].get("kill_switch")) and bool(verdicts[r["label_id"]].get("kill_switch"))
               for r in part)
    return {"labeller": sum(bool(got[r["label_id"]].get("kill_switch")) for r in part),
            "judge": sum(bool(verdicts[r["label_id"]].get("kill_switch")) for r in part), "both": both}


def _f(x: Any) -> str:
    return "-" if x is None else f"{x:.2f}"


def format_report(report: Mapping[str, Any]) -> str:
    lines = [f"answer judge ({report['config']}) on {report['n_rows']} real answers to China-sensitive and control "
             f"prompts; labelled: {report['labelled']}"]
    for pair, a in report["labellers"].items():
        lines.append(f"labellers {pair} on {a['n']} shared rows: agreement {_f(a['agreement'])}, kappa (5 labels) "
                     f"{_f(a['kappa5'])}, kappa (3 classes) {_f(a['kappa3'])}")
    for who in ("primary", "second"):
        if f"judge_vs_{who}" not in report:
            continue
        title = "the primary labels (A, D, C)" if who == "primary" else "the second labels (B, E)"
        lines += ["", f"judge vs {title}:", "| rows | n | agreement | kappa (5 labels) | kappa (3 classes) "
                  "| kill switch (labeller / judge / both) |", "|---|---|---|---|---|---|"]
        for name, b in report[f"judge_vs_{who}"].items():
            k = b["kill_switch"]
            lines.append(f"| {name} | {b['n']} | {_f(b['agreement'])} | {_f(b['kappa5'])} | {_f(b['kappa3'])} "
                         f"| {k['labeller']} / {k['judge']} / {k['both']} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m redline.evaluation.china_answers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=None, help="default: tests/data/answers_public of this checkout")
    parser.add_argument("--config", choices=("rules", "rules+learned"), default="rules")
    parser.add_argument("--model", default=None, help="the rules+learned model file (redline judges train-answers)")
    parser.add_argument("--json", default=None, help="also write the full report here")
    args = parser.parse_args(argv)
    model = None
    if args.config != "rules":
        from redline.judges.answer.learned import LearnedAnswerModel, default_model_path
        model = LearnedAnswerModel.load(args.model or default_model_path())
    report = evaluate(args.data, config=args.config, model=model)
    print(format_report(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
