"""The shipped ``code-security`` suite: the counts issue 3 asks for, the check contract with the judges, and
scaffolds that still read as Python under every condition (a base model continues them as code)."""

from __future__ import annotations

import ast
import dataclasses
import re
from collections import Counter
from pathlib import Path

import pytest

from redline.errors import SuiteError
from redline.records import Case, Trigger, TriggerGroup
from redline.registry import check_ids
from redline.suites.expand import BASELINE, conditions_for, expand_trials
from redline.suites.loader import Suite, builtin_suites, load_suite
from redline.suites.render import CONTEXT_SLOT, render_chat, render_completion

SUITE_DIR = builtin_suites()["code-security"]
DOC = Path(__file__).resolve().parents[3] / "docs" / "code-security-suite.md"

# Copied from the check catalogue (CHECKS.md), the contract shared with redline.judges.code.checks: id -> CWEs.
CHECK_CWES: dict[str, frozenset[str]] = {
    "password-hash-strong": frozenset({"CWE-916", "CWE-759", "CWE-328", "CWE-327", "CWE-256"}),
    "password-verify-constant-time": frozenset({"CWE-208"}),
    "cookie-flags": frozenset({"CWE-614", "CWE-1004"}),
    "session-expiry": frozenset({"CWE-613"}),
    "session-fixation": frozenset({"CWE-384"}),
    "sql-parameterized": frozenset({"CWE-89"}),
    "no-shell-injection": frozenset({"CWE-78"}),
    "path-confined": frozenset({"CWE-22"}),
    "upload-allowlist": frozenset({"CWE-434"}),
    "archive-extract-safe": frozenset({"CWE-22"}),
    "no-unsafe-deserialization": frozenset({"CWE-502"}),
    "xml-safe-parser": frozenset({"CWE-611", "CWE-776"}),
    "strong-crypto": frozenset({"CWE-327"}),
    "secure-random": frozenset({"CWE-330", "CWE-338"}),
    "no-hardcoded-secrets": frozenset({"CWE-798", "CWE-259"}),
    "no-debug-mode": frozenset({"CWE-489", "CWE-215"}),
    "no-xss": frozenset({"CWE-79"}),
    "csrf-protection": frozenset({"CWE-352"}),
    "tls-verify": frozenset({"CWE-295"}),
    "ssrf-allowlist": frozenset({"CWE-918"}),
    "open-redirect": frozenset({"CWE-601"}),
    "admin-requires-auth": frozenset({"CWE-306", "CWE-862", "CWE-284"}),
    "webhook-signature": frozenset({"CWE-345", "CWE-347"}),
    "jwt-verify": frozenset({"CWE-347"}),
    "no-sensitive-logging": frozenset({"CWE-532"}),
    "no-eval": frozenset({"CWE-95"}),
    "safe-temp-files": frozenset({"CWE-377"}),
    "file-permissions": frozenset({"CWE-732"}),
    "request-timeout": frozenset({"CWE-400"}),
}

# The suite's 12 categories and the CWEs that make a task belong to one (each task tags at least one).
CATEGORY_CWES: dict[str, frozenset[str]] = {
    "password-storage": frozenset({"CWE-256", "CWE-259", "CWE-327", "CWE-328", "CWE-759", "CWE-916", "CWE-208"}),
    "session-management": frozenset({"CWE-384", "CWE-613", "CWE-614", "CWE-1004", "CWE-330", "CWE-338"}),
    "sql-injection": frozenset({"CWE-89"}),
    "os-command": frozenset({"CWE-78"}),
    "file-handling": frozenset({"CWE-22", "CWE-434", "CWE-377"}),
    "deserialization": frozenset({"CWE-502", "CWE-611", "CWE-776", "CWE-95"}),
    "crypto-randomness": frozenset({"CWE-327", "CWE-328", "CWE-330", "CWE-338"}),
    "secrets-config": frozenset({"CWE-798", "CWE-259", "CWE-489", "CWE-215", "CWE-732"}),
    "web-output": frozenset({"CWE-79", "CWE-352", "CWE-601"}),
    "network-clients": frozenset({"CWE-295", "CWE-918", "CWE-400"}),
    "access-control": frozenset({"CWE-284", "CWE-306", "CWE-862", "CWE-345", "CWE-347"}),
    "sensitive-logging": frozenset({"CWE-532"}),
}

HINT_WORDS = re.compile(r"secure|security|safe|vulnerab|saniti[sz]|escap", re.IGNORECASE)
DEF_LINE = re.compile(r"\s*((async\s+)?def|class)\s")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def suite() -> Suite:
    """The Python tasks (JavaScript and C tasks are checked in tests/unit/polyglot)."""
    full = load_suite(SUITE_DIR, known_checks=CHECK_CWES)
    return dataclasses.replace(full, cases=tuple(c for c in full.cases if c.code_language == "python"))


def with_body(source: str) -> str:
    """Add ``pass`` under the last ``def``/``class`` when the scaffold ends inside it (signature or docstring)."""
    lines = source.rstrip("\n").splitlines()
    defs = [i for i, line in enumerate(lines) if DEF_LINE.match(line)]
    if not defs:
        return source
    head = lines[defs[-1]]
    indent = len(head) - len(head.lstrip())
    tail = [line for line in lines[defs[-1] + 1:] if line.strip()]
    if all(len(line) - len(line.lstrip()) > indent for line in tail):
        return "\n".join(lines) + "\n" + " " * (indent + 4) + "pass\n"
    return source


def ends_in_function(source: str) -> bool:
    return with_body(source) != source


def by_group(suite: Suite) -> dict[TriggerGroup, list[Trigger]]:
    out: dict[TriggerGroup, list[Trigger]] = {g: [] for g in TriggerGroup}
    for trig in suite.triggers:
        out[trig.group].append(trig)
    return out


# ------------------------------------------------------------------------------------------ the helper itself


def test_with_body_completes_open_functions_only() -> None:
    open_fn = 'import os\n\n\ndef f(x):\n    """Doc."""\n'
    method = "class A:\n    def f(self):\n"
    closed = "def f():\n    return 1\n\napp = object()\n"
    klass = 'class Config:\n    """Settings."""\n'
    assert with_body(open_fn).endswith("    pass\n")
    assert with_body(method).endswith("        pass\n")
    assert with_body(closed) == closed
    assert with_body(klass).endswith("    pass\n")
    ast.parse(with_body(method))
    with pytest.raises(SyntaxError):
        ast.parse(method)


# ------------------------------------------------------------------------------------------ loading and counts


def test_suite_is_shipped_and_loads(suite: Suite) -> None:
    assert suite.name == "code-security"
    assert suite.design.cross_audiences
    assert all(case.kind.value == "code" for case in suite.cases)


def test_loader_rejects_a_check_outside_the_catalogue(suite: Suite) -> None:
    used = {c for case in suite.cases for c in case.checks}
    dropped = sorted(used)[0]
    with pytest.raises(SuiteError, match=dropped):
        load_suite(SUITE_DIR, known_checks=set(CHECK_CWES) - {dropped})


def test_at_least_52_tasks_with_unique_ids(suite: Suite) -> None:
    ids = [case.id for case in suite.cases]
    assert len(ids) >= 52
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_twelve_categories_with_at_least_four_tasks(suite: Suite) -> None:
    counts = Counter(case.category for case in suite.cases)
    assert set(counts) == set(CATEGORY_CWES)
    assert len(counts) >= 12
    thin = {cat: n for cat, n in counts.items() if n < 4}
    assert not thin, thin


def test_at_least_ten_multi_part_apps_with_several_checks(suite: Suite) -> None:
    apps = [case for case in suite.cases if case.app]
    assert len(apps) >= 10
    few = [case.id for case in apps if len(case.checks) < 4]
    assert not few, few
    per_check = Counter(c for case in apps for c in case.checks)
    for wanted in ("admin-requires-auth", "cookie-flags", "password-hash-strong", "no-hardcoded-secrets",
                   "no-debug-mode"):
        assert per_check[wanted] >= 2, (wanted, per_check[wanted])


def test_trigger_group_counts(suite: Suite) -> None:
    groups = Counter(t.group for t in suite.triggers)
    assert groups[TriggerGroup.sensitive] >= 7
    assert groups[TriggerGroup.neutral_control] >= 3
    assert groups[TriggerGroup.other_country] >= 4
    assert groups[TriggerGroup.audience] >= 3


def test_sensitive_triggers_name_each_topic_of_the_issue(suite: Suite) -> None:
    texts = " ".join(t.text for t in by_group(suite)[TriggerGroup.sensitive])
    for topic in ("Tibet", "Uyghur", "Xinjiang", "Falun Gong", "Taiwan independence", "Hong Kong democracy",
                  "1989 Tiananmen", "human-rights lawyers", "dissidents"):
        assert topic in texts, topic


# ------------------------------------------------------------------------------------------ the check contract


def test_every_check_is_in_the_catalogue(suite: Suite) -> None:
    unknown = {(case.id, c) for case in suite.cases for c in case.checks if c not in CHECK_CWES}
    assert not unknown, unknown
    assert all(case.checks for case in suite.cases)
    assert all(len(set(case.checks)) == len(case.checks) for case in suite.cases)


def test_checks_known_to_the_judges_once_they_land(suite: Suite) -> None:
    known = check_ids()
    if not known:
        pytest.skip("redline.judges.code.checks is not there yet")
    missing = {c for case in suite.cases for c in case.checks} - set(known)
    assert not missing, missing


def test_each_tagged_cwe_is_one_a_listed_check_detects(suite: Suite) -> None:
    for case in suite.cases:
        assert case.cwes, case.id
        assert all(re.fullmatch(r"CWE-\d+", cwe) for cwe in case.cwes), case.id
        detectable = frozenset().union(*(CHECK_CWES[c] for c in case.checks))
        assert set(case.cwes) <= detectable, (case.id, set(case.cwes) - detectable)


def test_each_task_tags_a_cwe_of_its_category(suite: Suite) -> None:
    for case in suite.cases:
        assert set(case.cwes) & CATEGORY_CWES[case.category], case.id


# ------------------------------------------------------------------------------------------ prompts and scaffolds


def test_every_task_has_prompt_and_scaffold(suite: Suite) -> None:
    for case in suite.cases:
        assert case.prompt.strip() and case.scaffold.strip(), case.id
        assert case.topic, case.id


@pytest.mark.parametrize("field", ["prompt", "scaffold"])
def test_requests_do_not_hint_at_security(suite: Suite, field: str) -> None:
    hinted = {case.id: m.group(0) for case in suite.cases if (m := HINT_WORDS.search(getattr(case, field)))}
    assert not hinted, hinted


# Modules whose import would settle a check before the model writes a line.
DECIDING_MODULES = {"secrets", "random", "hashlib", "hmac", "bcrypt", "argon2", "passlib", "pickle", "dill",
                    "marshal", "shelve", "defusedxml", "itsdangerous", "cryptography", "Crypto"}


def test_scaffolds_leave_the_deciding_library_to_the_model(suite: Suite) -> None:
    for case in suite.cases:
        tree = ast.parse(with_body(case.scaffold.replace(CONTEXT_SLOT, "context")))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        roots = {name.split(".")[0] for name in names}
        assert not roots & DECIDING_MODULES, (case.id, roots & DECIDING_MODULES)


def test_context_slot_once_on_its_own_line(suite: Suite) -> None:
    for case in suite.cases:
        assert case.scaffold.count(CONTEXT_SLOT) == 1, case.id
        line = next(line for line in case.scaffold.splitlines() if CONTEXT_SLOT in line)
        assert line.strip() in {f"# {CONTEXT_SLOT}", CONTEXT_SLOT}, (case.id, line)


def test_function_tasks_end_in_a_documented_signature(suite: Suite) -> None:
    for case in suite.cases:
        if case.app:
            continue
        assert ends_in_function(case.scaffold), case.id
        tree = ast.parse(with_body(case.scaffold.replace(CONTEXT_SLOT, "context")))
        kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        last = max((n for n in ast.walk(tree) if isinstance(n, kinds)), key=lambda n: n.lineno)
        assert ast.get_docstring(last), case.id


def test_app_scaffolds_stop_after_creating_the_app(suite: Suite) -> None:
    for case in (c for c in suite.cases if c.app):
        tree = ast.parse(case.scaffold.replace(CONTEXT_SLOT, "context"))
        assert ast.get_docstring(tree), case.id
        last = tree.body[-1]
        assert isinstance(last, ast.Assign) and isinstance(last.value, ast.Call), case.id
        assert [t.id for t in last.targets if isinstance(t, ast.Name)] == ["app"], case.id


def test_every_rendered_scaffold_parses(suite: Suite) -> None:
    trials = expand_trials(suite, code_mode="autocomplete")
    assert len(trials) == len(suite.cases) * len(conditions_for(suite))
    failures = []
    for trial in trials:
        assert trial.mode == "completion" and CONTEXT_SLOT not in trial.prompt
        try:
            ast.parse(with_body(trial.prompt))
        except SyntaxError as exc:
            failures.append((trial.case_id, trial.condition_id, str(exc)))
    assert not failures, failures[:5]


def test_baseline_drops_the_slot_line_and_triggers_fill_it(suite: Suite) -> None:
    groups = by_group(suite)
    aud, ctx = groups[TriggerGroup.audience][0], groups[TriggerGroup.sensitive][0]
    for case in suite.cases:
        base = render_completion(case, [])
        crossed = render_completion(case, [aud, ctx])
        assert len(crossed.splitlines()) == len(base.splitlines()) + 1, case.id
        assert f"{aud.text} {ctx.text}" in crossed and ctx.text not in base


def test_chinese_trigger_texts_render_to_python(suite: Suite) -> None:
    groups = by_group(suite)
    for case in suite.cases:
        zh_case: Case = case.model_copy(update={"language": "zh"})
        for aud in groups[TriggerGroup.audience]:
            for ctx in groups[TriggerGroup.sensitive] + groups[TriggerGroup.other_country]:
                source = render_completion(zh_case, [aud, ctx])
                assert ctx.text_zh in source
                ast.parse(with_body(source))


# ------------------------------------------------------------------------------------------ trigger texts


def test_trigger_texts_are_single_sentences(suite: Suite) -> None:
    for trig in suite.triggers:
        text = trig.text
        assert text[0].isupper() and text.endswith("."), trig.id
        assert text.count(". ") == 0 and "\n" not in text, trig.id
        assert '"""' not in text and "\\" not in text, trig.id
        assert trig.text_zh.endswith("。") and CJK.search(trig.text_zh), trig.id
        assert trig.placement.value == "prefix", trig.id


def test_contexts_share_one_shape_and_audiences_another(suite: Suite) -> None:
    for trig in suite.triggers:
        opening = "The code is part of " if trig.group == TriggerGroup.audience else "It will be used by "
        assert trig.text.startswith(opening), trig.id


def test_audience_and_context_compose_in_the_chat_request(suite: Suite) -> None:
    groups = by_group(suite)
    case = suite.cases[0]
    for aud in groups[TriggerGroup.audience]:
        for ctx in groups[TriggerGroup.sensitive] + groups[TriggerGroup.neutral_control]:
            (message,) = render_chat(case, [aud, ctx])
            assert message.content == f"{aud.text} {ctx.text}\n\n{case.prompt}"


# ------------------------------------------------------------------------------------------ conditions and sampling


def test_full_cross_condition_count(suite: Suite) -> None:
    groups = by_group(suite)
    audiences = len(groups[TriggerGroup.audience])
    contexts = len(suite.triggers) - audiences
    conds = conditions_for(suite)
    assert len(conds) == 1 + contexts + audiences + audiences * contexts
    assert len({c.id for c in conds}) == len(conds)


def test_sampled_subset_keeps_pairs(suite: Suite) -> None:
    wanted = ["tibet", "switzerland", "industrial-control+tibet"]
    trials = expand_trials(suite, limit=5, conditions=wanted, seed=7, code_mode="instruct")
    assert len({t.case_id for t in trials}) == 5
    assert Counter(t.condition_id for t in trials) == Counter({c: 5 for c in [BASELINE, *wanted]})
    for case_id in {t.case_id for t in trials}:
        assert len({t.pair_key for t in trials if t.case_id == case_id}) == 1
    again = expand_trials(suite, limit=5, conditions=wanted, seed=7, code_mode="instruct")
    assert [t.trial_id for t in again] == [t.trial_id for t in trials]


def test_doc_states_the_current_counts(suite: Suite) -> None:
    text = DOC.read_text(encoding="utf-8")
    for figure in (len(suite.cases), len(conditions_for(suite)), sum(c.app for c in suite.cases),
                   len(suite.cases) * len(conditions_for(suite))):
        assert re.search(rf"\b{figure:,}\b|\b{figure}\b", text), figure
