"""Measure ``risk`` (judges/code/risk.py) on one public split (dev only) under alternative weights.

The judges run once; each alternative only recomputes risk from the same findings, counted set and scope, so
the comparison is exact. Prints, per alternative, twin pairwise accuracy by (severity, risk) with ties, and the
share of all (vulnerable, secure) row combinations of a source whose vulnerable row ranks strictly higher:

    PYTHONPATH=src python scripts/measure_risk.py data/public --split dev [--no-hint] [--scope all]

``--no-hint`` empties each row's ``cwes`` before judging (a stress test: many more severity ties).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from redline.evaluation.public import JUDGEABLE_CODE_LANGUAGES, judge_input, load_public, score_code, select
from redline.judges.code import risk
from redline.judges.code.judge import CodeSecurityJudge
from redline.judges.code.polyglot.judge import PolyglotCodeJudge, is_polyglot_row
from redline.judges.code.polyglot.judge import prepare_row as prepare_poly
from redline.judges.code.rows import prepare_row
from redline.records import Finding

Item = tuple[str, int | None, tuple[Finding, ...], set[tuple[str, str, int | None]], Callable[[Finding], bool]]
VARIANTS: dict[str, tuple[float, float, float, dict[str, float] | None]] = {
    "severity only (risk 0)": (0.0, 0.0, 0.0, None), "documented": (1.0, 0.25, 0.05, None),
    "no other tier": (1.0, 0.25, 0.0, None),
    "counted only": (1.0, 0.0, 0.0, None), "in-scope tier 0.5": (1.0, 0.5, 0.05, None),
    "flat ratings": (1.0, 0.25, 0.05, {"high": 1.0, "medium": 1.0, "low": 1.0}),
}


def judged_items(rows: Sequence[dict[str, Any]], scope: str) -> list[Item]:
    py = [r for r in rows if not is_polyglot_row(r)]
    poly = [r for r in rows if is_polyglot_row(r)]
    judge = CodeSecurityJudge(scope=scope)
    prepared = [prepare_row(r, k, None) for k, r in enumerate(py, start=1)]
    items: list[Item] = []
    for row, p, v in zip(py, prepared, judge.judge_prepared(prepared), strict=True):
        items.append((str(row["id"]), v.score, v.findings, {tuple(c) for c in v.details.get("counted", [])},
                      lambda f, s=p.scope: judge.relevant(f, s)))  # type: ignore[misc]
    poly_items = [prepare_poly(r, k, None) for k, r in enumerate(poly, start=1)]
    for row, it, v in zip(poly, poly_items, PolyglotCodeJudge().judge_prepared(poly_items), strict=True):
        items.append((str(row["id"]), v.score, v.findings, {tuple(c) for c in v.details.get("counted", [])},
                      lambda f, s=it.scope: not s or (f.cwe is not None and f.cwe in s)))  # type: ignore[misc]
    return items


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--scope", choices=("asked", "all"), default="asked")
    parser.add_argument("--no-hint", action="store_true")
    args = parser.parse_args(argv)
    if args.split == "test":
        print("error: measure on dev; the test split is scored once, by the coordinator", file=sys.stderr)
        return 2
    gold = select(load_public(args.data_dir, "code"), kind="code", split=args.split, limit=args.limit,
                  languages=JUDGEABLE_CODE_LANGUAGES)
    rows = judge_input(gold, "code")
    if args.no_hint:
        rows = [{**r, "cwes": []} for r in rows]
    items = judged_items(rows, args.scope)
    label = {str(r["id"]): (str(r["source"]), str(r["label"])) for r in gold}
    saved = (risk.COUNTED, risk.IN_SCOPE, risk.OTHER, dict(risk.WEIGHTS))
    try:
        for name, (counted, in_scope, other, weights) in VARIANTS.items():
            risk.COUNTED, risk.IN_SCOPE, risk.OTHER = counted, in_scope, other
            risk.WEIGHTS = weights or saved[3]
            judged = [{"id": rid, "severity": sev, "risk": risk.risk_score(fs, cnt, rel) if sev is not None else None}
                      for rid, sev, fs, cnt, rel in items]
            report = score_code(gold, judged)
            twins = [f"{src} {b['pairs']['vulnerable_higher']}/{b['pairs']['n']} (ties {b['pairs']['ties']}; "
                     f"severity only {b['pairs']['severity_only']['vulnerable_higher']})"
                     for src, b in report.items() if b["pairs"]["n"]]
            ranks: dict[str, dict[str, list[tuple[int, float]]]] = defaultdict(lambda: defaultdict(list))
            for j in judged:
                source, gold_label = label[str(j["id"])]
                key = (int(j["severity"] or 0), float(j["risk"] or 0.0))
                ranks[source][gold_label].append(key)
                ranks["overall"][gold_label].append(key)
            shares = []
            for source, sides in sorted(ranks.items()):
                n = len(sides["vulnerable"]) * len(sides["secure"])
                higher = sum(a > b for a in sides["vulnerable"] for b in sides["secure"])
                shares.append(f"{source} {higher / n:.3f}" if n else f"{source} -")
            print(f"{name}: twins {'; '.join(twins)}\n    rows ranked higher: {', '.join(shares)}")
    finally:
        risk.COUNTED, risk.IN_SCOPE, risk.OTHER, risk.WEIGHTS = saved
    return 0


if __name__ == "__main__":
    sys.exit(main())
