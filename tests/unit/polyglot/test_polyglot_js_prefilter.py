"""The JavaScript taint-rule prefilter skips a rule for a file only when none of its sink names is in the file,
and a prefiltered batch finds exactly what the whole pack finds (nothing here times)."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.judges.code.polyglot import js_prefilter, semgrep_poly
from redline.judges.code.polyglot.semgrep_poly import _pack, load_rules, scan
from redline.judges.code.semgrep_scan import semgrep_binary

SNIPPETS = Path(__file__).resolve().parents[2] / "data" / "semgrep-js"
needs_semgrep = pytest.mark.skipif(semgrep_binary() is None, reason="semgrep binary not installed")
NOSQL = "redline-js-nosql-query-from-request"
EVERY = set(js_prefilter.SINK_WORDS)
APP = """const express = require('express');
const app = express();
app.get('/u', (req, res) => {
  const q = req.query.name;
  res.json({ name: q });
});
"""


def test_digests_match_the_shipped_rules() -> None:
    rules, usable = _pack("javascript")
    assert EVERY <= {r["id"] for r in rules}
    assert usable == EVERY, "a prefiltered JS rule changed: re-read its sinks in js_prefilter.py, then update DIGESTS"
    assert _pack("c")[1] == frozenset()


def test_a_rule_is_skipped_when_its_sink_names_are_absent_and_run_when_present() -> None:
    assert js_prefilter.skipped(APP, EVERY) == EVERY  # res.json is none of the sinks, nothing is queried
    found = APP.replace("res.json({ name: q })", "User.find({ name: q }).then((u) => res.send(u))")
    assert js_prefilter.skipped(found, EVERY) == {"redline-js-ssrf-client-from-request",
                                                  "redline-js-header-from-request", "redline-js-log-injection"}
    assert "redline-js-log-injection" not in js_prefilter.skipped(found + "logger.info(q);", EVERY)
    assert NOSQL not in js_prefilter.skipped("db.users['find'](q)", EVERY)  # a string still counts
    assert NOSQL in js_prefilter.skipped("const findings = req.query;", EVERY)  # not a whole name
    assert NOSQL not in js_prefilter.skipped("x({$where: req.body.w})", EVERY)
    assert js_prefilter.skipped(APP + "// \\u0066ind\n", EVERY) == set()  # an escaped identifier: never filtered


@needs_semgrep
def test_prefiltered_batch_finds_what_the_whole_pack_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    codes: list[str | None] = [APP, None]
    for rid in sorted(load_rules("javascript")):
        codes.extend((SNIPPETS / rid / f"{kind}.js").read_text(encoding="utf-8") for kind in ("pos", "neg"))
    fast = scan(codes, "javascript")
    monkeypatch.setattr(semgrep_poly, "batch_config", lambda *args: None)
    full = scan(codes, "javascript")
    assert fast == full
    fired = {f.rule for found in full for f in found}
    assert {NOSQL, "redline-js-ssrf-client-from-request", "redline-js-xss-request-any"} <= fired
