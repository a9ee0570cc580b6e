"""Are two runs of the code judge the same where it matters: outcome, severity and counted CWEs of every row?

A speed-up may leave out scanner rules whose findings can never count, so the ``findings`` lists may shrink;
verdicts may not move. Inputs are pairs of files of the same kind, before and after:

- JSON lines written by ``redline judge code ... --out FILE`` (``{id, outcome, severity, cwes, findings}``);
- JSON written by ``python bench/judge_throughput.py --record FILE`` (public, labelled and model-written sets).

    python bench/judge_equivalence.py BEFORE AFTER [BEFORE2 AFTER2 ...]

Prints, per set, the rows compared, the rows whose verdict differs (listed) and how many findings each side
has; exits 1 when any verdict differs or the row ids/order differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def load(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Set name -> rows; a JSON-lines file is one set (``rows``)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return {"rows": [json.loads(line) for line in text.splitlines() if line.strip()]}
    data = json.loads(text)
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a --record JSON object or a .jsonl file")
    return {str(k): list(v) for k, v in data.items()}


def verdict(row: dict[str, Any]) -> tuple[Any, ...]:
    """What must not change: outcome, severity and the counted CWEs (or counted findings, model-written sets)."""
    if "outcome" in row:
        return row.get("id"), row["outcome"], row.get("severity"), tuple(row.get("cwes") or ())
    counted = row.get("counted") or []
    return row.get("label"), row.get("score"), tuple(tuple(c) for c in counted)


def compare(before: Path, after: Path) -> int:
    a, b = load(before), load(after)
    differ = 0
    for key in sorted(set(a) | set(b)):
        x, y = a.get(key, []), b.get(key, [])
        bad = [i for i in range(max(len(x), len(y))) if i >= len(x) or i >= len(y) or verdict(x[i]) != verdict(y[i])]
        differ += len(bad)
        fx, fy = (sum(len(r.get("findings") or ()) for r in rows) for rows in (x, y))
        print(f"  {key}: {len(x)} vs {len(y)} rows, {len(bad)} verdicts differ; findings {fx} -> {fy}")
        for i in bad[:10]:
            print(f"    row {i}: {verdict(x[i]) if i < len(x) else None} -> {verdict(y[i]) if i < len(y) else None}")
    return differ


def main(argv: list[str]) -> int:
    if len(argv) < 2 or len(argv) % 2:
        raise SystemExit(__doc__)
    total = 0
    for before, after in zip(argv[::2], argv[1::2], strict=True):
        print(f"{before} -> {after}")
        total += compare(Path(before), Path(after))
    print(f"{total} verdicts differ (outcome, severity, counted CWEs)")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
