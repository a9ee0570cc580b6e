"""Every rule of the JavaScript and C packs fires on its positive snippet and stays quiet on its negative one;
snippets compile; every rule carries a CWE. One Semgrep process per language for all snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.judges.code.cwe import normalize_cwe
from redline.judges.code.polyglot import validity
from redline.judges.code.polyglot.semgrep_poly import load_rules, scan
from redline.judges.code.semgrep_scan import semgrep_binary
from redline.records import Finding

DATA = Path(__file__).resolve().parents[2] / "data"
PACKS = {"javascript": DATA / "semgrep-js", "c": DATA / "semgrep-c"}
SUFFIX = {"javascript": "js", "c": "c"}
needs_semgrep = pytest.mark.skipif(semgrep_binary() is None, reason="semgrep binary not installed")
CASES = [(lang, rid) for lang in PACKS for rid in sorted(load_rules(lang))]


def snippet(lang: str, rid: str, kind: str) -> Path:
    return PACKS[lang] / rid / f"{kind}.{SUFFIX[lang]}"


@pytest.fixture(scope="module")
def results() -> dict[tuple[str, str, str], list[Finding]]:
    out: dict[tuple[str, str, str], list[Finding]] = {}
    for lang in PACKS:
        keys = [(lang, rid, kind) for rid in sorted(load_rules(lang)) for kind in ("pos", "neg")]
        found = scan([snippet(*key).read_text() for key in keys], lang)
        out.update(zip(keys, found, strict=True))
    return out


def test_pack_sizes_and_metadata() -> None:
    for lang in PACKS:
        rules = load_rules(lang)
        assert len(rules) >= (20 if lang == "javascript" else 15)
        for rid, rule in rules.items():
            assert rid.startswith("redline-js-" if lang == "javascript" else "redline-c-"), rid
            assert rule["languages"] == [lang], rid
            assert normalize_cwe(rule["metadata"]["cwe"]) == rule["metadata"]["cwe"], rid
            assert rule["severity"] in ("ERROR", "WARNING", "INFO"), rid


def test_every_rule_has_snippets_and_every_snippet_folder_a_rule() -> None:
    for lang, folder in PACKS.items():
        rules = set(load_rules(lang))
        assert {p.name for p in folder.iterdir() if p.is_dir()} == rules
        for rid in rules:
            assert snippet(lang, rid, "pos").is_file() and snippet(lang, rid, "neg").is_file(), rid


@pytest.mark.parametrize("lang", list(PACKS))
def test_snippets_compile(lang: str) -> None:
    keys = [(lang, rid, kind) for rid in sorted(load_rules(lang)) for kind in ("pos", "neg")]
    res = validity.check([snippet(*k).read_text() for k in keys], lang)
    bad = [(k, r.message) for k, r in zip(keys, res, strict=True) if not r.ok]
    assert not bad, bad


@needs_semgrep
@pytest.mark.parametrize(("lang", "rid"), CASES)
def test_rule_fires_on_positive_not_negative(lang: str, rid: str,
                                             results: dict[tuple[str, str, str], list[Finding]]) -> None:
    pos = [f for f in results[(lang, rid, "pos")] if f.rule == rid]
    neg = [f for f in results[(lang, rid, "neg")] if f.rule == rid]
    assert pos, f"{rid} missed its positive snippet"
    assert not neg, f"{rid} fired on its negative snippet at lines {[f.line for f in neg]}"
    assert all(f.tool == "semgrep" and f.cwe for f in pos)
