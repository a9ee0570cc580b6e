"""The JavaScript judge on probe twins written for redline in the style of real Node code (Express, Koa, Fastify,
CLI scripts) for Node weakness classes the public dev split lacks (issue 13): scoped to each probe's CWE, every
vulnerable twin is judged vulnerable, every fixed twin secure, and the vulnerable twin ranks strictly above the
fixed one by (severity, risk). Each file's first line is ``// probe: {label, cwes, batch}``. Needs node and Semgrep
(the judge compiles and scans each program)."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from redline.judges.code.polyglot.judge import PolyglotCodeJudge, judge_rows

PROBES = Path(__file__).resolve().parents[2] / "data" / "js_probes"
HEADER = "// probe: "

pytestmark = pytest.mark.skipif(shutil.which("node") is None or shutil.which("semgrep") is None,
                                reason="node and semgrep are needed")


def load_probes() -> list[dict[str, Any]]:
    rows = []
    for path in sorted(PROBES.glob("*.js")):
        first, _, code = path.read_text(encoding="utf-8").partition("\n")
        assert first.startswith(HEADER), path.name
        meta = json.loads(first[len(HEADER):])
        rows.append({"id": path.stem, "code": code, "cwes": meta["cwes"], "label": meta["label"],
                     "batch": meta["batch"]})
    return rows


@cache
def judged() -> dict[str, dict[str, Any]]:
    rows = load_probes()
    inputs = [{"id": r["id"], "code": r["code"], "cwes": r["cwes"], "language": "javascript"} for r in rows]
    out = judge_rows(list(enumerate(inputs)), judge=PolyglotCodeJudge())
    return {o["id"]: {**o, "label": r["label"]} for o, r in zip(out, rows, strict=True)}


def test_every_probe_has_a_twin_with_the_same_cwes() -> None:
    rows = {r["id"]: r for r in load_probes()}
    assert len(rows) >= 60
    for stem, row in rows.items():
        base, _, kind = stem.rpartition("-")
        assert kind in ("vuln", "fixed"), stem
        assert row["label"] == ("vulnerable" if kind == "vuln" else "secure"), stem
        twin = rows[f"{base}-{'fixed' if kind == 'vuln' else 'vuln'}"]
        assert twin["cwes"] == row["cwes"] and twin["batch"] == row["batch"], stem


# known misses with their cause (strict xfail, so a fix shows as a pass)
KNOWN: dict[str, str] = {
    "ssrf-axios-preview-fixed": "an allow-list test of the parsed URL's host before the call is not a taint sanitizer",
    "ssrf-axios-preview": "the fixed twin's allow-listed call still counts (see above), so the twins tie",
    "xss-greeting-fixed": "the HTML-template rule reads the literal only: a name escaped on an earlier line fires",
}


def _marked(name: str) -> Any:
    return pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN[name], strict=True)) if name in KNOWN else name


@pytest.mark.parametrize("probe", [_marked(r["id"]) for r in load_probes()])
def test_probe_outcome(probe: str) -> None:
    row = judged()[probe]
    assert row["outcome"] == row["label"], (row["outcome"], row["findings"])


@pytest.mark.parametrize("pair", [_marked(p) for p in sorted({r["id"].rpartition("-")[0] for r in load_probes()})])
def test_vulnerable_twin_ranks_above_fixed(pair: str) -> None:
    vuln, fixed = judged()[f"{pair}-vuln"], judged()[f"{pair}-fixed"]
    assert ((vuln["severity"] or 0), (vuln["risk"] or 0)) > ((fixed["severity"] or 0), (fixed["risk"] or 0)), (
        vuln["findings"], fixed["findings"])
