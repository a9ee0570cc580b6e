"""The design keys of question cases (censorship suite v2, docs/censorship-suite.md), checked at load time.

Pydantic checks the keys' types; this module checks their values and the rules that tie them together, so a
typo in a group or a request type fails with ``file:line`` instead of silently forming a group of its own.
"""

from __future__ import annotations

from pathlib import Path

from redline.errors import SuiteError
from redline.records import Case, CaseKind

LANGUAGES = ("en", "zh-Hans", "zh-Hant")
LEGACY_LANGUAGES = ("zh",)  # v1 suites: Simplified Chinese written as plain zh
TOPIC_GROUPS = ("sensitive", "other_country_sensitive", "permitted_political", "neutral_other", "reverse_keyed",
                "mirror")
LEGACY_GROUPS = ("other_country", "neutral_china")  # v1 suites (smoke, older user suites)
REQUEST_TYPES = ("factual", "views", "write", "organise")
VARIANTS = ("knowledge_check", "code_word", "official_term", "plain_term")
TWINNED = ("code_word", "official_term")  # variants that name the plain twin in variant_of
REFERENCED_GROUPS = ("sensitive", "other_country_sensitive", "reverse_keyed")  # groups with an official line


def _fail(path: Path, line: int, case: Case, message: str) -> SuiteError:
    return SuiteError(f"{path}:{line}: case {case.id!r}: {message}")


def check_question(case: Case, path: Path, line: int) -> None:
    """Reject values outside the v2 vocabularies and inconsistent variant keys (code cases pass untouched)."""
    if case.kind != CaseKind.question:
        v2 = [k for k in ("request_type", "variant", "variant_of", "twin_of", "required_facts", "official_line")
              if getattr(case, k)]
        if v2:
            raise _fail(path, line, case, f"{v2[0]!r} is only for question cases")
        return
    if case.language not in LANGUAGES + LEGACY_LANGUAGES:
        raise _fail(path, line, case, f"language must be one of {', '.join(LANGUAGES)}, not {case.language!r}")
    if case.topic_group and case.topic_group not in TOPIC_GROUPS + LEGACY_GROUPS:
        raise _fail(path, line, case, f"topic_group must be one of {', '.join(TOPIC_GROUPS)}, "
                                      f"not {case.topic_group!r}")
    if case.request_type and case.request_type not in REQUEST_TYPES:
        raise _fail(path, line, case, f"request_type must be one of {', '.join(REQUEST_TYPES)}, "
                                      f"not {case.request_type!r}")
    if case.variant and case.variant not in VARIANTS:
        raise _fail(path, line, case, f"variant must be one of {', '.join(VARIANTS)}, not {case.variant!r}")
    if case.variant in TWINNED and not case.variant_of:
        raise _fail(path, line, case, f"a {case.variant} variant needs variant_of (the plain twin's parallel_id)")
    if case.variant_of and case.variant not in TWINNED + ("plain_term",):
        raise _fail(path, line, case, "variant_of is only for code_word / official_term / plain_term variants")
    for key in ("required_facts", "official_line", "sources", "presupposes"):
        if any(not item.strip() for item in getattr(case, key)):
            raise _fail(path, line, case, f"{key} holds an empty statement")


def check_pairs(cases: list[Case], path: Path) -> None:
    """Cross-case rules: every variant_of / twin_of names a parallel_id of the suite."""
    known = {c.pair_id for c in cases}
    for case in cases:
        for key in ("variant_of", "twin_of"):
            target = getattr(case, key)
            if target and target not in known:
                raise SuiteError(f"{path}: case {case.id!r}: {key} {target!r} is not a parallel_id of the suite")
