"""Measure the CWE-scoping alternatives on one public split (tune on dev only) and on the project's labelled sets.

The code judge runs once per set; each alternative only re-decides which findings count (same findings), so the
comparison is exact and cheap:

    PYTHONPATH=src python scripts/measure_cwe_scope.py data/public --split dev [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from redline.evaluation.code import load_labelled
from redline.evaluation.metrics import data_dir_from
from redline.evaluation.public import load_public, score_code, select
from redline.judges.code import cwe as hand
from redline.judges.code.cwe_scope import ScopeRule, direct_scope, expand_scope
from redline.judges.code.judge import (
    CodeSecurityJudge,
    Prepared,
    Scope,
    make_scope,
    raw_code,
    score_findings,
)
from redline.judges.code.rows import prepare_row

Family = Callable[[Sequence[str]], frozenset[str]]


def _rule(distance: int, *views: str, siblings: bool = False) -> Family:
    return lambda c: expand_scope(c, ScopeRule(distance, views, siblings))


NONE: Family = lambda c: frozenset()  # noqa: E731
D1 = _rule(1)
# name -> (family: what counts at medium/high, direct: what counts even when low or check-owned)
ALTERNATIVES: dict[str, tuple[Family, Family]] = {
    "hand-families (before)": (lambda c: hand.expand_scope(c), NONE),
    "d0": (_rule(0), NONE),
    "d1": (_rule(1), NONE),
    "d2": (_rule(2), NONE),
    "d3": (_rule(3), NONE),
    "d1+owasp-2021": (_rule(1, "owasp-2021"), NONE),
    "d1+7pk": (_rule(1, "7pk"), NONE),
    "d1+cwe-1400": (_rule(1, "cwe-1400"), NONE),
    "d0, direct d0": (_rule(0), _rule(0)),
    "d1, direct d1": (_rule(1), D1),
    "d2, direct d1": (_rule(2), D1),
    "d1+owasp-2021, direct d1": (_rule(1, "owasp-2021"), D1),
    "d1+7pk, direct d1": (_rule(1, "7pk"), D1),
    "d1+cwe-1400, direct d1": (_rule(1, "cwe-1400"), D1),
    "d0, direct algorithms": (_rule(0), direct_scope),
    "d1+siblings": (_rule(1, siblings=True), NONE),
    "d1+siblings, direct algorithms": (_rule(1, siblings=True), direct_scope),
    "d1, direct algorithms": (_rule(1), direct_scope),
    "d2, direct algorithms": (_rule(2), direct_scope),
    "d1+owasp-2021, direct algorithms": (_rule(1, "owasp-2021"), direct_scope),
    "d1+7pk, direct algorithms": (_rule(1, "7pk"), direct_scope),
    "d1+cwe-1400, direct algorithms": (_rule(1, "cwe-1400"), direct_scope),
}


def rescore(judge: CodeSecurityJudge, prepared: Sequence[Prepared], verdict_findings: Sequence[Any],
            ok: Sequence[bool], alt: tuple[Family, Family]) -> list[dict[str, Any]]:
    out = []
    for item, findings, parsed in zip(prepared, verdict_findings, ok, strict=True):
        scope = Scope(cwes=item.scope.cwes, family=alt[0](item.scope.cwes), checks=item.scope.checks,
                      direct=alt[1](item.scope.cwes))
        if not parsed:
            out.append({"outcome": "invalid", "severity": None})
            continue
        counted = [f for f in findings if judge.counts(f, scope)]
        out.append({"outcome": "vulnerable" if counted else "secure", "severity": score_findings(counted)})
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--json", default=None)
    parser.add_argument("--no-project", action="store_true", help="skip the project's labelled sets")
    args = parser.parse_args(argv)
    judge = CodeSecurityJudge()
    rows = select(load_public(args.data_dir, "code"), kind="code", split=args.split, limit=None)
    prepared = [prepare_row({"id": r["id"], "code": r["code"], "cwes": r.get("cwes") or []}, k, None)
                for k, r in enumerate(rows, 1)]
    verdicts = judge.judge_prepared(prepared)
    results: dict[str, Any] = {}
    for name, alt in ALTERNATIVES.items():
        judged = rescore(judge, prepared, [v.findings for v in verdicts],
                         [v.label in ("vulnerable", "secure") for v in verdicts], alt)
        for r, j in zip(rows, judged, strict=True):
            j["id"] = r["id"]
        rep = score_code(rows, judged)
        results[name] = {k: {m: rep[k][m] for m in ("n", "precision", "recall", "f1", "kappa")} |
                         {"pairwise": rep[k]["pairs"]["accuracy"]} for k in rep}
    if not args.no_project:
        examples = [ex for s in ("dev", "holdout", "holdout2")
                    if (data_dir_from(None) / "code_labelled" / s).is_dir()
                    for ex in load_labelled(data_dir_from(None) / "code_labelled" / s, s) if ex.kind == "code"]
        prep = [Prepared(f"{ex.split}/{ex.name}", None, raw_code(ex.text), make_scope(ex.cwes)) for ex in examples]
        pv = judge.judge_prepared(prep)
        for name, alt in ALTERNATIVES.items():
            judged = rescore(judge, prep, [v.findings for v in pv], [v.label in ("vulnerable", "secure") for v in pv],
                             alt)
            gold = [ex.label for ex in examples]
            pred = [j["outcome"] for j in judged]
            tp = sum(g == p == "vulnerable" for g, p in zip(gold, pred, strict=True))
            fp = sum(g == "secure" and p == "vulnerable" for g, p in zip(gold, pred, strict=True))
            fn = sum(g == "vulnerable" and p != "vulnerable" for g, p in zip(gold, pred, strict=True))
            prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
            results[name]["project-labelled"] = {"n": len(gold), "precision": prec, "recall": rec,
                                                 "f1": 2 * prec * rec / max(1e-9, prec + rec)}
    print("| rule | " + " | ".join(k for k in next(iter(results.values()))) + " |")
    print("|---|" + "---|" * len(next(iter(results.values()))))
    for name, rep in results.items():
        cells = []
        for block in rep.values():
            f1, kappa = block.get("f1"), block.get("kappa")
            cells.append(f"F1 {f1:.2f}" if f1 is not None else "F1 -")
            if kappa is not None:
                cells[-1] += f", k {kappa:.2f}"
            if block.get("pairwise") is not None:
                cells[-1] += f", pw {block['pairwise']:.2f}"
        print(f"| {name} | " + " | ".join(cells) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
