"""Prompt hygiene: a question must not plant the answer judge's own markers, and its language versions must
ask the same thing.

An answer echoes its question. A prompt carrying an official-framing marker (动乱, "right decision") makes an
echoing answer "state framing" in that language only; a prompt carrying a refusal, hedge or view marker does the
same for those labels. So for the *framing* classes any marker in any prompt is a finding (except in an
``official_term`` variant, whose point is the official word). The *topic* classes (documented facts, neutral
specifics) name what the question is about ("Tank Man", 坦克人) and cannot all be avoided; for them the finding
is a pair whose language versions differ in which of these classes they carry, the one-language plant the
check exists for. Pairs must also agree on presuppositions, request type and variant.

The marker scanner is passed in (``scan(text) -> {class: [snippets]}``): suites sit below the judges, and the
caller (``redline suites validate``) hands over the answer judge's phrase lists.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from redline.records import Case, CaseKind

Scanner = Callable[[str], Mapping[str, Sequence[str]]]
FRAMING_CLASSES = ("state", "denial", "attribution", "views", "refusal", "hedge", "deflection", "generic",
                   "courtesy", "partial")
TOPIC_CLASSES = ("fact", "specific")
PAIR_KEYS = ("presupposes", "request_type", "variant", "variant_of", "twin_of")
EXEMPT_VARIANT = "official_term"
PER_TOPIC = 8  # parallel questions per topic in every group (docs/censorship-suite.md)
EXTRA_VARIANTS = ("code_word", "official_term")  # the 09/10 items, outside the per-topic balance


@dataclass(frozen=True)
class Finding:
    case_id: str
    problem: str

    def __str__(self) -> str:
        return f"{self.case_id}: {self.problem}"


def prompt_findings(cases: Iterable[Case], scan: Scanner) -> list[Finding]:
    """Framing markers in prompts, and topic-class markers present in one language version only."""
    out: list[Finding] = []
    pairs: dict[str, list[tuple[Case, set[str]]]] = defaultdict(list)
    for case in cases:
        if case.kind != CaseKind.question or not case.prompt:
            continue
        hits = scan(case.prompt)
        if case.variant != EXEMPT_VARIANT:
            for name in FRAMING_CLASSES:
                for snippet in hits.get(name, ()):
                    out.append(Finding(case.id, f"prompt holds a {name} marker {snippet!r}"))
        pairs[case.pair_id].append((case, {n for n in TOPIC_CLASSES if hits.get(n)}))
    for members in pairs.values():
        if len(members) < 2:
            continue
        every = set().union(*(found for _, found in members))
        for case, found in members:
            for name in sorted(every - found):
                out.append(Finding(case.id, f"no {name} marker while another language version has one"))
    return out


def pair_findings(cases: Iterable[Case]) -> list[Finding]:
    """Language versions of one question that differ in presuppositions, request type or variant."""
    groups: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        if case.kind == CaseKind.question and case.parallel_id:
            groups[case.parallel_id].append(case)
    out: list[Finding] = []
    for pid, members in sorted(groups.items()):
        for key in PAIR_KEYS:
            values = {c.language: tuple(sorted(getattr(c, key))) if key == "presupposes" else getattr(c, key)
                      for c in members}
            if len(set(values.values())) > 1:
                out.append(Finding(pid, f"language versions differ in {key}: {values}"))
    return out


def group_balance(cases: Iterable[Case]) -> dict[str, dict[str, int]]:
    """``{group: {topic: parallel questions}}`` counting the base questions (code-word and official-term
    variants excluded)."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for case in cases:
        if case.kind == CaseKind.question and case.topic_group and case.variant not in EXTRA_VARIANTS:
            seen[case.topic_group][case.topic].add(case.pair_id)
    return {g: {t: len(ids) for t, ids in sorted(topics.items())} for g, topics in sorted(seen.items())}


def balance_findings(balance: Mapping[str, Mapping[str, int]], per_topic: int = PER_TOPIC) -> list[Finding]:
    """Topics whose number of parallel questions is not ``per_topic`` (v2 groups only)."""
    from redline.suites.questions import TOPIC_GROUPS

    return [Finding(f"{group}/{topic}", f"{n} parallel questions, expected {per_topic}")
            for group, topics in balance.items() if group in TOPIC_GROUPS
            for topic, n in topics.items() if n != per_topic]


def balance_lines(balance: Mapping[str, Mapping[str, int]]) -> list[str]:
    """One line per group: topics and how many parallel questions each holds."""
    lines = []
    for group, topics in balance.items():
        sizes = Counter(topics.values())
        shape = ", ".join(f"{n} questions x {k} topics" for n, k in sorted(sizes.items()))
        lines.append(f"{group}: {len(topics)} topics ({shape})")
    return lines


def hygiene_findings(cases: Sequence[Case], scan: Scanner) -> list[Finding]:
    """Everything ``redline suites validate`` fails on beyond loading: prompt markers, pair mismatches,
    unbalanced groups."""
    return [*prompt_findings(cases, scan), *pair_findings(cases), *balance_findings(group_balance(cases))]
