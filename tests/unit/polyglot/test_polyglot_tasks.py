"""The JavaScript and C tasks of code-security: counts, ids, forms, pinned interfaces, CWEs the judge can see,
and scaffolds that compile under every trigger (English and Chinese)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

import pytest

from redline.judges.code.cwe import normalize_cwe
from redline.judges.code.polyglot import c_warnings, checks, scope, validity
from redline.judges.code.polyglot.extract_base import assemble
from redline.judges.code.polyglot.semgrep_poly import load_rules
from redline.records import Case, CaseKind
from redline.suites.loader import Suite, builtin_suites, load_suite
from redline.suites.render import CONTEXT_SLOT, render_scaffold

SUITE_DIR = Path(builtin_suites()["code-security"])
HINT_WORDS = re.compile(r"secure|security|safe|vulnerab|saniti[sz]|escap", re.IGNORECASE)
COMMENT = {"javascript": "//", "c": "//"}


@pytest.fixture(scope="module")
def suite() -> Suite:
    return load_suite(SUITE_DIR)


def cases(suite: Suite, language: str) -> list[Case]:
    return [c for c in suite.cases if c.code_language == language]


def test_counts_per_language(suite: Suite) -> None:
    counts = Counter(c.code_language for c in suite.cases if c.kind == CaseKind.code)
    assert counts["javascript"] >= 30 and counts["c"] >= 25
    assert counts["python"] >= 52  # the Python tasks are untouched


def test_new_tasks_live_in_their_own_files_and_ids_are_prefixed(suite: Suite) -> None:
    for lang, prefix in (("javascript", "js-"), ("c", "c-")):
        for case in cases(suite, lang):
            assert case.id.startswith(prefix), case.id
    files = sorted(p.name for p in SUITE_DIR.glob("tasks-*.yaml"))
    assert any(f.startswith("tasks-js-") for f in files) and any(f.startswith("tasks-c-") for f in files)
    ids = [c.id for c in suite.cases]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("language", ["javascript", "c"])
def test_prompt_scaffold_topic_and_valid_cwes(suite: Suite, language: str) -> None:
    for case in cases(suite, language):
        assert case.kind == CaseKind.code
        assert case.prompt.strip() and case.scaffold.strip() and case.topic and case.category, case.id
        assert case.cwes and all(normalize_cwe(c) == c for c in case.cwes), case.id
        assert not HINT_WORDS.search(case.prompt) and not HINT_WORDS.search(case.scaffold), case.id


@pytest.mark.parametrize("language", ["javascript", "c"])
def test_context_slot_is_one_comment_line(suite: Suite, language: str) -> None:
    for case in cases(suite, language):
        assert case.scaffold.count(CONTEXT_SLOT) == 1, case.id
        line = next(ln for ln in case.scaffold.splitlines() if CONTEXT_SLOT in ln)
        assert line.strip() == f"{COMMENT[language]} {CONTEXT_SLOT}", case.id


_JS_NAMES = re.compile(r"function\s+(\w+)\s*\(|app\.(?:get|post|put|delete|patch)\(\"([^\"]+)\"")
_C_NAME = re.compile(r"(\w+)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$")


def test_prompt_pins_the_interface_the_scaffold_opens(suite: Suite) -> None:
    """The function or route a scaffold opens is named in the prompt (a harness calls exactly that)."""
    for case in cases(suite, "javascript"):
        names = [a or b for a, b in _JS_NAMES.findall(case.scaffold)]
        assert all(n.split("/:")[0] in case.prompt for n in names), (case.id, names)
        assert "module.exports" in case.prompt or "createServer" in case.prompt, case.id
    for case in cases(suite, "c"):
        lines = case.scaffold.rstrip().splitlines()
        assert lines[-1].strip() == "{", case.id
        match = _C_NAME.search(lines[-2])
        assert match and match.group(1) in case.prompt, case.id
        assert lines[-2].strip().split("(")[0].split()[-1].lstrip("*") in case.prompt, case.id
        assert re.search(r"\bPut it in \w+\.c\b", case.prompt), case.id


def reportable(language: str) -> set[str]:
    cwes = {str(r["metadata"]["cwe"]) for r in load_rules(language).values()}
    if language == "c":
        cwes |= {cwe for cwe, _ in c_warnings.WARNING_CWES.values()} | {"CWE-242", "CWE-377"}
    cwes |= {"CWE-1321", "CWE-1333"} if language == "javascript" else {"CWE-22"}
    return cwes


@pytest.mark.parametrize("language", ["javascript", "c"])
def test_each_task_asks_a_cwe_the_static_judge_can_report(suite: Suite, language: str) -> None:
    seen = reportable(language)
    assert checks.CHECKS[language]
    blind = [c.id for c in cases(suite, language) if not (scope.family(c.cwes) & seen)]
    assert not blind, blind


@pytest.mark.parametrize("language", ["javascript", "c"])
def test_every_rendered_scaffold_compiles(suite: Suite, language: str) -> None:
    """Baseline (slot line dropped), an English and a Chinese trigger: scaffold + a closing body compiles."""
    trigger = next(t for t in suite.triggers if t.text_zh)
    sources = []
    for case in cases(suite, language):
        for context in ("", trigger.text, trigger.text_zh):
            object_literal = case.scaffold.rstrip().endswith("({")
            body = "  x: 1,\n" if object_literal else "  return undefined;\n" if language == "javascript" else "    ;\n"
            sources.append(assemble(render_scaffold(case.scaffold, context), body, language,
                                    template_literals=language == "javascript").code)
    results = validity.check(sources, language)
    bad = [(k, r.message) for k, r in enumerate(results) if not r.ok]
    assert not bad, bad


def test_python_only_suites_keep_their_hash() -> None:
    """``code_language`` enters a suite's hash only when it is not ``python``: older runs still resume."""
    import hashlib
    import json

    smoke = load_suite(builtin_suites()["smoke"])
    payload = {"name": smoke.name, "version": smoke.version,
               "cases": [{k: v for k, v in c.model_dump(mode="json").items() if k != "code_language"}
                         for c in smoke.cases],
               "triggers": [t.model_dump(mode="json") for t in smoke.triggers],
               "design": smoke.design.model_dump(mode="json"), "references": smoke.references}
    old = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    assert smoke.hash == old
    as_js = dataclasses.replace(smoke, cases=tuple(c.model_copy(update={"code_language": "javascript"})
                                                   for c in smoke.cases))
    assert as_js.hash != smoke.hash  # a non-default language is content


def test_code_language_is_validated() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Case(id="x", kind=CaseKind.code, prompt="p", code_language="cobol")  # type: ignore[arg-type]
