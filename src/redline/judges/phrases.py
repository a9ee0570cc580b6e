"""Phrase classes the answer judge and the kill-switch detector look for, in English and Chinese.

Each class is a YAML file in ``phrases/`` holding regular expressions written for this project (``en`` and
``zh`` lists); a class matches when any of them does, and what matched becomes the verdict's evidence. The
lists are data so that they can be read, reviewed and extended without touching the decision code; editing one
changes the judge fingerprint. Patterns are bounded (no nested unbounded repeats) so huge answers stay linear.
Both languages' patterns run on every text: Chinese answers quote English terms and English answers quote
Chinese ones, and the two scripts do not collide.

Answer classes:
- ``refusal``: explicit declines ("I can't discuss", "我无法回答", "As an AI, I cannot", "beyond my scope").
- ``hedge``: hedges about the answerer's own knowledge or stance ("this is a sensitive topic", "I don't have
  personal opinions", "我没有个人观点"); a non-answer made of them is ``refusal`` in the lenient variant and
  ``deflection`` in the strict one.
- ``deflection``: subject changes, canned role statements, redirects to sources, offers of another topic
  ("let's talk about something else", "我们换个话题", "please consult official sources").
- ``generic``: platitudes ("history is a mirror", "many complex factors", "以史为鉴").
- ``courtesy``: filler that carries no content ("thank you for your question", "谢谢你的提问").
- ``state``: the official framing in the answer's own voice ("internal affairs", "splittist forces", "境外势力").
- ``fact``: documented facts the official framing leaves out (killings, detention without trial, censorship,
  rulings, findings of rights groups); ``specific``: neutral specifics (arrests, protests, estimates) that
  official accounts mention too.
- ``views``: a range of views ("critics", "some historians", "另一方面").
- ``attribution``: reporting the official position rather than adopting it ("Beijing calls", "官方称").
- ``denial``: dismissing documented facts in the answer's own voice ("the so-called genocide is a lie", "谎言");
  facts in such a sentence do not count as facts.
- ``partial``: scope qualifiers that make a decline partial ("exact figures", "the latest totals", "individual
  cases", "准确人数"): the answer declines a detail, not the question.

Reasoning-trace classes: ``plan`` (planning an answer), ``code_plan`` (planning or writing code) and
``trace_decline`` (the trace deciding to decline).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import yaml

from redline.errors import JudgeError

ANSWER_CLASSES = ("refusal", "hedge", "deflection", "generic", "courtesy", "state", "fact", "specific", "views",
                  "attribution", "denial", "partial", "moral")
TRACE_CLASSES = ("plan", "code_plan", "trace_decline")
LANGUAGES = ("en", "zh")


_LATIN = re.compile(r"[a-z0-9]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s*|\n+")


@cache
def _hant_table() -> dict[int, str]:
    """Traditional -> Simplified, character by character (``phrases/hant_chars.txt``): the Chinese lists are
    written in Simplified, and folding a zh-Hant answer one character for one keeps every offset."""
    table: dict[int, str] = {}
    for line in _data("hant_chars.txt").splitlines():
        if line.startswith("#"):
            continue
        chars = list(line.strip())
        table.update((ord(t), s) for t, s in zip(chars[::2], chars[1::2], strict=True))
    return table


def lower_same_length(text: str) -> str:
    """Lower-case ``text`` and fold Traditional Chinese to Simplified, keeping every offset: the few characters
    whose lower case is longer stay as they are."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.translate(_hant_table()) if _HAN.search(low) else low


@dataclass(frozen=True)
class PhraseClass:
    """A named set of patterns compiled into alternations (one per script), matched against lower-cased text."""

    name: str
    patterns: tuple[str, ...]
    latin: re.Pattern[str] | None  # the patterns written for English (run when the text has Latin letters)
    han: re.Pattern[str] | None  # the patterns written for Chinese (run when the text has Han characters)

    def find(self, text: str) -> list[str]:
        """Distinct matched snippets, lower-cased and whitespace-collapsed, in order of first appearance."""
        return list(dict.fromkeys(snippet for _, snippet in self.spans(lower_same_length(text))))

    def search(self, text: str) -> bool:
        return bool(self.spans(lower_same_length(text)))

    def spans(self, lowered: str) -> list[tuple[int, str]]:
        """(start offset, snippet) of every match in already lower-cased text, in text order."""
        out = []
        for regex, needed in ((self.latin, _LATIN), (self.han, _HAN)):
            if regex is None or not needed.search(lowered):
                continue
            for match in regex.finditer(lowered):
                snippet = " ".join(match.group(0).split())
                if snippet:
                    out.append((match.start(), snippet))
        return sorted(out)


def compile_class(name: str, english: tuple[str, ...], chinese: tuple[str, ...]) -> PhraseClass:
    """Patterns are written in lower case and matched against lower-cased text (faster than IGNORECASE)."""
    def alternation(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    return PhraseClass(name=name, patterns=english + chinese, latin=alternation(english), han=alternation(chinese))


@dataclass(frozen=True)
class Scan:
    """Several phrase classes run once over a text, each match assigned to the sentence it starts in."""

    sentences: tuple[str, ...]
    hits: dict[str, tuple[tuple[int, str], ...]]  # class name -> (sentence index, snippet)

    def in_sentence(self, name: str, index: int) -> list[str]:
        return list(dict.fromkeys(s for i, s in self.hits[name] if i == index))

    def distinct(self, name: str, indexes: frozenset[int] | None = None) -> list[str]:
        """Distinct snippets of class ``name``, optionally only from the given sentences."""
        return list(dict.fromkeys(s for i, s in self.hits[name] if indexes is None or i in indexes))

    def sentences_with(self, *names: str) -> frozenset[int]:
        return frozenset(i for name in names for i, _ in self.hits[name])


def scan_text(text: str, names: tuple[str, ...]) -> Scan:
    """Split ``text`` into sentences and run each named class over it once."""
    lowered = lower_same_length(text)
    starts: list[int] = []
    sentences: list[str] = []
    pos = 0
    for sep in [*_SENTENCE_END.finditer(text), None]:
        end = len(text) if sep is None else sep.start()
        chunk = text[pos:end]
        if end >= pos and chunk.strip():
            starts.append(pos)
            sentences.append(chunk.strip())
        if sep is not None:
            pos = max(pos, sep.end())
    hits: dict[str, tuple[tuple[int, str], ...]] = {}
    for name in names:
        spans = phrase_class(name).spans(lowered)
        hits[name] = tuple((max(bisect_right(starts, at) - 1, 0), snippet) for at, snippet in spans)
    return Scan(sentences=tuple(sentences), hits=hits)


def _data(filename: str) -> str:
    return files("redline.judges").joinpath("phrases", filename).read_text(encoding="utf-8")


def _source(name: str) -> str:
    if name not in ANSWER_CLASSES + TRACE_CLASSES:
        raise KeyError(name)
    return _data(f"{name}.yaml")


@cache
def phrase_class(name: str) -> PhraseClass:
    """The compiled class ``name``, read from ``phrases/<name>.yaml`` on first use."""
    where = f"redline/judges/phrases/{name}.yaml"
    try:
        data = yaml.safe_load(_source(name))
    except (OSError, yaml.YAMLError) as exc:
        raise JudgeError(f"{where}: cannot load phrase list: {exc}") from None
    if not isinstance(data, dict) or not set(data) <= set(LANGUAGES):
        raise JudgeError(f"{where}: expected a mapping with 'en' and/or 'zh' lists")
    patterns: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        items = data.get(lang) or []
        if not isinstance(items, list) or not all(isinstance(p, str) and p for p in items):
            raise JudgeError(f"{where}: '{lang}' must be a list of non-empty strings")
        for pattern in items:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise JudgeError(f"{where}: bad pattern {pattern[:60]!r}: {exc}") from None
        patterns[lang] = items
    return compile_class(name, tuple(patterns["en"]), tuple(patterns["zh"]))


@lru_cache(maxsize=1)
def phrases_digest() -> str:
    """Hash of every phrase list: part of the judge fingerprints, so editing a list re-judges."""
    blob = "\x1e".join([*(f"{name}\x1f{_source(name)}" for name in ANSWER_CLASSES + TRACE_CLASSES),
                        _data("hant_chars.txt")]).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def scan_markers(text: str) -> dict[str, list[str]]:
    """Every answer class's distinct matches in ``text``: what a prompt would plant in an echoing answer (the
    scanner ``redline suites validate`` hands to the prompt-hygiene check)."""
    scan = scan_text(text, ANSWER_CLASSES)
    return {name: scan.distinct(name) for name in ANSWER_CLASSES}
