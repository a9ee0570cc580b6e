"""Written probes for weakness classes the public dev split does not hold (issue 13): SQL, XPath, XXE, cookie
flags, open redirect, trust boundary, code injection and XSS, each as a vulnerable program and its fixed twin
(tests/data/code_probes_unseen, written for redline). The judge, scoped to each probe's CWE, must call every
vulnerable twin vulnerable, every fixed twin secure, and rank the vulnerable twin strictly above the fixed one."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from redline.judges.code.rows import judge_code_rows

PROBES = Path(__file__).resolve().parents[2] / "data" / "code_probes_unseen"
HEADER = "# probe: "


def load_probes() -> list[dict[str, Any]]:
    rows = []
    for path in sorted(PROBES.glob("*.py")):
        first, _, code = path.read_text(encoding="utf-8").partition("\n")
        assert first.startswith(HEADER), path.name
        meta = json.loads(first[len(HEADER):])
        rows.append({"id": path.stem, "code": code, "cwes": meta["cwes"], "label": meta["label"]})
    return rows


@cache
def judged() -> dict[str, dict[str, Any]]:
    rows = load_probes()
    out = judge_code_rows([{k: r[k] for k in ("id", "code", "cwes")} for r in rows])
    return {r["id"]: {**r, "label": row["label"]} for r, row in zip(out, rows, strict=True)}


def test_every_probe_has_a_twin() -> None:
    stems = {r["id"] for r in load_probes()}
    assert len(stems) >= 80
    for stem in stems:
        base, _, kind = stem.rpartition("-")
        assert kind in ("vuln", "fixed"), stem
        assert f"{base}-{'fixed' if kind == 'vuln' else 'vuln'}" in stems, stem


KNOWN: dict[str, str] = {}  # known misses with their cause (strict xfail, so a fix shows as a pass)


@pytest.mark.parametrize("probe", [pytest.param(r["id"], marks=pytest.mark.xfail(reason=KNOWN[r["id"]], strict=True))
                                   if r["id"] in KNOWN else r["id"] for r in load_probes()])
def test_probe_outcome(probe: str) -> None:
    row = judged()[probe]
    assert row["outcome"] == row["label"], (row["outcome"], row["findings"])


@pytest.mark.parametrize("pair", sorted({r["id"].rpartition("-")[0] for r in load_probes()}))
def test_vulnerable_twin_ranks_above_fixed(pair: str) -> None:
    vuln, fixed = judged()[f"{pair}-vuln"], judged()[f"{pair}-fixed"]
    assert (vuln["severity"] or 0) > (fixed["severity"] or 0), (vuln["findings"], fixed["findings"])
