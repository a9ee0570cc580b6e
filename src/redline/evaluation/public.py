"""Score the judges against public, independently labelled calibration data read from an explicit folder.

The data is built outside the repository (``scripts/public_data.py``, provenance in
``docs/public-calibration-data.md``) into ``<dir>/code/*.jsonl`` and ``<dir>/answers/*.jsonl``; nothing here
knows where it lives. The flow keeps the judges behind their stable CLI, so the figures are the ones a user gets:

  python -m redline.evaluation.public prepare DIR --kind code --split test --limit 1500 --out in.jsonl
  python -m redline judge code in.jsonl --out judged.jsonl
  python -m redline.evaluation.public score DIR --kind code --judged judged.jsonl

Code: positive = vulnerable, scoped to each row's CWEs; pairwise accuracy = share of before/after twins whose
vulnerable member ranks strictly higher by (severity, risk) - a tie fails -, printed beside the figure that ranks
by severity alone. Answers: the judge's four labels fold onto the sources' three (substantive -> complete,
deflection and state_narrative -> evasive, refusal -> refusal).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from redline.errors import InputError

KINDS = ("code", "answers")
CODE_LABELS = ("vulnerable", "secure")
ANSWER_LABELS = ("refusal", "evasive", "complete")
JUDGE_TO_ANSWER = {"substantive": "complete", "deflection": "evasive", "state_narrative": "evasive",
                   "refusal": "refusal", "degenerate": "evasive"}
JUDGEABLE_CODE_LANGUAGES = ("python", "javascript", "c")  # what `redline judge code` accepts
DEFAULT_CODE_LANGUAGES = ("python",)  # figures per language: pick one with --language (the baselines are Python)


def load_public(data_dir: str | Path, kind: str) -> list[dict[str, Any]]:
    """All rows of ``<data_dir>/<kind>/*.jsonl``; a malformed row is an error naming file:line."""
    if kind not in KINDS:
        raise InputError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    folder = Path(data_dir) / kind
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder (build it with scripts/public_data.py)")
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                raise InputError(f"{path}:{number}: not JSON") from None
            _check_row(row, kind, f"{path}:{number}")
            rows.append(row)
    ids = Counter(str(r["id"]) for r in rows)
    dup = sorted(i for i, n in ids.items() if n > 1)
    if dup:
        raise InputError(f"{folder}: duplicate ids, e.g. {dup[0]!r}")
    return rows


def _check_row(row: Any, kind: str, where: str) -> None:
    if not isinstance(row, dict):
        raise InputError(f"{where}: not a JSON object")
    text_field, labels = ("code", CODE_LABELS) if kind == "code" else ("answer", ANSWER_LABELS)
    for key in ("id", "source", "split", text_field, "label"):
        if key not in row:
            raise InputError(f"{where}: missing {key!r}")
    if row["label"] not in labels:
        raise InputError(f"{where}: label must be one of {', '.join(labels)}, not {row['label']!r}")
    if kind == "code" and not isinstance(row.get("cwes", []), list):
        raise InputError(f"{where}: 'cwes' must be a list")


def select(rows: Sequence[Mapping[str, Any]], *, kind: str, split: str, limit: int | None = None,
           seed: int = 0, languages: Sequence[str] = DEFAULT_CODE_LANGUAGES) -> list[dict[str, Any]]:
    """Rows of one split (and, for code, of ``languages``) the judge can take, at most ``limit``, sampled with a
    fixed seed.

    Twins (same ``pair_id``) are kept or dropped together so pairwise accuracy stays measurable; sources are drawn
    round-robin so a large source cannot crowd a small one out of the sample.
    """
    keep = [dict(r) for r in rows if r["split"] == split]
    if kind == "code":
        wanted = set(languages) & set(JUDGEABLE_CODE_LANGUAGES)
        keep = [r for r in keep if str(r.get("language", "python")).lower() in wanted]
    groups: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(dict)
    for row in keep:
        key = str(row.get("pair_id") or row["id"])
        groups[str(row["source"])].setdefault(key, []).append(row)
    rng = random.Random(seed)
    queues: dict[str, list[list[dict[str, Any]]]] = {}
    for source in sorted(groups):
        names = sorted(groups[source])
        rng.shuffle(names)
        queues[source] = [groups[source][name] for name in names]
    chosen: list[dict[str, Any]] = []
    cap = limit if limit is not None else len(keep)
    while any(queues.values()):
        for source in sorted(queues):
            if queues[source]:
                group = queues[source].pop(0)
                if len(chosen) + len(group) <= cap:
                    chosen.extend(group)
        if len(chosen) >= cap:
            break
    return chosen


def judge_input(rows: Iterable[Mapping[str, Any]], kind: str) -> list[dict[str, Any]]:
    """Rows in the format of ``redline judge code|answer`` (no gold label leaks into the judge's input)."""
    if kind == "code":
        return [{"id": r["id"], "code": r["code"], "language": str(r.get("language") or "python").lower(),
                 "cwes": list(r.get("cwes") or [])} for r in rows]
    return [{"id": r["id"], "response": r["answer"], "prompt": r.get("prompt") or "",
             "language": r.get("language") or "en"} for r in rows]


# ---------------------------------------------------------------- metrics


def cohen_kappa(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    """Cohen's kappa; None when undefined (no items, or chance agreement is total)."""
    n = len(gold)
    if n == 0 or n != len(pred):
        return None
    observed = sum(g == p for g, p in zip(gold, pred, strict=True)) / n
    cg, cp = Counter(gold), Counter(pred)
    expected = sum(cg[k] * cp[k] for k in set(cg) | set(cp)) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def prf(gold: Sequence[str], pred: Sequence[str], positive: str) -> dict[str, Any]:
    tp = sum(g == positive and p == positive for g, p in zip(gold, pred, strict=True))
    fp = sum(g != positive and p == positive for g, p in zip(gold, pred, strict=True))
    fn = sum(g == positive and p != positive for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = (2 * precision * recall / (precision + recall)
          if precision is not None and recall is not None and precision + recall else None)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def _index(judged: Iterable[Mapping[str, Any]], gold_ids: set[str]) -> dict[str, Mapping[str, Any]]:
    out = {str(j["id"]): j for j in judged}
    missing = sorted(gold_ids - set(out))
    if missing:
        raise InputError(f"judged file lacks {len(missing)} of the selected rows, e.g. {missing[0]!r}")
    return out


def score_code(rows: Sequence[Mapping[str, Any]], judged: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Per source and overall: precision/recall/F1/kappa (positive = vulnerable) and pairwise accuracy."""
    verdicts = _index(judged, {str(r["id"]) for r in rows})
    by_source: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_source[str(row["source"])].append(row)
    report = {source: _code_block(part, verdicts) for source, part in sorted(by_source.items())}
    report["overall"] = _code_block(rows, verdicts)
    by_cwe: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_cwe[",".join(row.get("cwes") or []) or "none"].append(row)
    report["overall"]["by_cwe"] = {cwe: {k: v for k, v in _code_block(part, verdicts).items() if k != "pairs"}
                                   for cwe, part in sorted(by_cwe.items())}
    return report


def _code_block(rows: Sequence[Mapping[str, Any]], verdicts: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    gold = [str(r["label"]) for r in rows]
    outcomes = [str(verdicts[str(r["id"])].get("outcome")) for r in rows]
    pred = ["vulnerable" if o == "vulnerable" else "secure" for o in outcomes]
    agree = sum(g == p for g, p in zip(gold, pred, strict=True))
    block: dict[str, Any] = {"n": len(rows), "n_vulnerable": gold.count("vulnerable"),
                             **prf(gold, pred, "vulnerable"), "kappa": cohen_kappa(gold, pred),
                             "accuracy": agree / len(rows) if rows else None,
                             "other_outcomes": dict(Counter(o for o in outcomes if o not in CODE_LABELS))}
    block["pairs"] = _pairwise(rows, verdicts)
    judged = [i for i, o in enumerate(outcomes) if o in CODE_LABELS]  # rows the judge could parse and judge
    g2, p2 = [gold[i] for i in judged], [pred[i] for i in judged]
    block["judged_only"] = {"n": len(judged), **prf(g2, p2, "vulnerable"), "kappa": cohen_kappa(g2, p2)}
    return block


def _rank(verdict: Mapping[str, Any], *, with_risk: bool) -> tuple[int, float]:
    """How a twin ranks: severity (none, for code not judged, lowest), then - with ``with_risk`` - the judge's
    ``risk``, which orders only within a severity level (``judges/code/risk.py``)."""
    severity, risk = verdict.get("severity"), verdict.get("risk")
    return (int(severity) if severity is not None else 0,
            float(risk) if with_risk and risk is not None else 0.0)


def _pairwise(rows: Sequence[Mapping[str, Any]], verdicts: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Share of (vulnerable, secure) twin combinations whose vulnerable member ranks strictly higher by
    (severity, risk); a tie is a failure. ``severity_only`` gives the same figures ranking by severity alone."""
    twins: dict[str, dict[str, list[Mapping[str, Any]]]] = defaultdict(lambda: {"vulnerable": [], "secure": []})
    for row in rows:
        if row.get("pair_id"):
            twins[str(row["pair_id"])][str(row["label"])].append(verdicts[str(row["id"])])
    out: dict[str, Any] = {}
    for name, with_risk in (("with_risk", True), ("severity_only", False)):
        higher = ties = n = 0
        for sides in twins.values():
            for v in sides["vulnerable"]:
                for s in sides["secure"]:
                    a, b = _rank(v, with_risk=with_risk), _rank(s, with_risk=with_risk)
                    n += 1
                    higher += a > b
                    ties += a == b
        out[name] = {"n": n, "vulnerable_higher": higher, "ties": ties, "accuracy": higher / n if n else None}
    return {**out["with_risk"], "severity_only": out["severity_only"]}


def score_answers(rows: Sequence[Mapping[str, Any]], judged: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Per (source, language) and overall: 3-class kappa, accuracy, per-label P/R/F1 and the confusion table."""
    verdicts = _index(judged, {str(r["id"]) for r in rows})
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[f"{row['source']}/{row.get('language') or 'en'}"].append(row)
    report = {key: _answer_block(part, verdicts) for key, part in sorted(groups.items())}
    report["overall"] = _answer_block(rows, verdicts)
    return report


def _answer_block(rows: Sequence[Mapping[str, Any]], verdicts: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    gold = [str(r["label"]) for r in rows]
    raw = [str(verdicts[str(r["id"])].get("label")) for r in rows]
    pred = [JUDGE_TO_ANSWER.get(label, "other") for label in raw]
    confusion = Counter(f"{g}->{p}" for g, p in zip(gold, pred, strict=True))
    per_label = {label: prf(gold, pred, label) for label in ANSWER_LABELS}
    f1s = [m["f1"] if m["f1"] is not None else 0.0 for m in per_label.values()]
    return {"n": len(rows), "kappa": cohen_kappa(gold, pred),
            "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(rows) if rows else None,
            "macro_f1": sum(f1s) / len(f1s), "per_label": per_label, "gold": dict(Counter(gold)),
            "judge_labels": dict(Counter(raw)), "confusion": dict(sorted(confusion.items()))}


# ---------------------------------------------------------------- tables and entry point


def _fmt(x: Any) -> str:
    return "-" if x is None else f"{x:.2f}" if isinstance(x, float) else str(x)


def table(report: Mapping[str, Any], kind: str) -> str:
    """A Markdown table of the headline figures."""
    if kind == "code":
        lines = ["| source | n | vulnerable | precision | recall | F1 | kappa | pairs | pairwise acc. | ties "
                 "| pairwise acc. (severity only) | ties (severity only) |",
                 "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for name, b in report.items():
            p, q = b["pairs"], b["pairs"]["severity_only"]
            lines.append(f"| {name} | {b['n']} | {b['n_vulnerable']} | {_fmt(b['precision'])} | {_fmt(b['recall'])} "
                         f"| {_fmt(b['f1'])} | {_fmt(b['kappa'])} | {p['n']} | {_fmt(p['accuracy'])} | {p['ties']} "
                         f"| {_fmt(q['accuracy'])} | {q['ties']} |")
            j = b["judged_only"]
            if j["n"] != b["n"]:
                lines.append(f"| {name} (judged only: {b['n'] - j['n']} not parsed) | {j['n']} | - "
                             f"| {_fmt(j['precision'])} | {_fmt(j['recall'])} | {_fmt(j['f1'])} | {_fmt(j['kappa'])} "
                             "| - | - | - | - | - |")
        return "\n".join(lines)
    lines = ["| source/language | n | kappa (3-class) | accuracy | F1 refusal | F1 evasive | F1 complete |",
             "|---|---|---|---|---|---|---|"]
    for name, b in report.items():
        f1 = {k: _fmt(v["f1"]) for k, v in b["per_label"].items()}
        lines.append(f"| {name} | {b['n']} | {_fmt(b['kappa'])} | {_fmt(b['accuracy'])} | {f1['refusal']} "
                     f"| {f1['evasive']} | {f1['complete']} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m redline.evaluation.public", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    prep = sub.add_parser("prepare", help="write the judge's input rows for one split")
    score = sub.add_parser("score", help="score the judge's output against the gold labels")
    for p in (prep, score):
        p.add_argument("data_dir")
        p.add_argument("--kind", choices=KINDS, required=True)
        p.add_argument("--split", default="test")
        p.add_argument("--limit", type=int, default=None)
        p.add_argument("--seed", type=int, default=0)
        p.add_argument("--language", default=",".join(DEFAULT_CODE_LANGUAGES),
                       help="code only: comma-separated languages to keep (python, javascript, c)")
    prep.add_argument("--out", required=True)
    score.add_argument("--judged", required=True)
    score.add_argument("--json", default=None, help="also write the full report here")
    args = parser.parse_args(argv)
    try:
        languages = [x.strip().lower() for x in str(args.language).split(",") if x.strip()]
        unknown = sorted(set(languages) - set(JUDGEABLE_CODE_LANGUAGES))
        if unknown:
            raise InputError(f"--language: unknown {', '.join(unknown)}; one of {', '.join(JUDGEABLE_CODE_LANGUAGES)}")
        rows = select(load_public(args.data_dir, args.kind), kind=args.kind, split=args.split, limit=args.limit,
                      seed=args.seed, languages=languages)
        if args.command == "prepare":
            lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in judge_input(rows, args.kind))
            Path(args.out).write_text(lines, encoding="utf-8")
            print(f"{len(rows)} rows -> {args.out}", file=sys.stderr)
            return 0
        judged = [json.loads(line) for line in Path(args.judged).read_text(encoding="utf-8").splitlines()
                  if line.strip()]
        report = score_code(rows, judged) if args.kind == "code" else score_answers(rows, judged)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(table(report, args.kind))
    return 0


if __name__ == "__main__":
    sys.exit(main())
