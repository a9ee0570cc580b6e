"""Degenerate output: answers that are no answer at all, so they are neither a refusal nor content.

Small or broken models echo the question, loop on one phrase, emit symbol soup, answer in the other language
or say nothing. Counting such text as ``substantive`` (or, when an echoed Chinese question holds an official
term, as ``state_narrative``) made report headlines out of noise, so it gets a label of its own. Each check is
cheap and explainable; the first one that fires names the reason.
"""

from __future__ import annotations

import re
import zlib
from itertools import pairwise

from redline.judges.language import han_count
from redline.records import Generation

ECHO_COVERAGE = 0.85  # share of the answer's character trigrams found in the prompt
ECHO_MAX_RATIO = 1.6  # an echo is not much longer than the prompt
MIN_LOOP_BYTES = 240  # shorter texts compress badly whatever they hold
LOOP_RATIO = 0.16  # zlib ratio below this: the text repeats itself (prose sits around 0.35-0.55)
REPEATED_SHARE = 0.6  # one line or sentence repeated this share of the text
WORDLIKE_FLOOR = 0.45  # share of letters, digits and Han among visible characters
WRONG_LANGUAGE_MIN = 20  # letters (or Han characters) in the other script before the language counts as wrong
# Repeated spans: a loop repeats whole sentences, a templated list or an emphatic phrase repeats a few words. A span
# counts as repeated when its first REPEAT_SPAN tokens (Latin words, or Han characters, which run about two to a
# word) occurred before; the spans are long enough that list templates ("...因为人们通常更愿意...") stay below.
REPEAT_SPAN_LATIN = 10
REPEAT_SPAN_HAN = 36
REPEAT_MIN_TOKENS = 40  # shorter texts are judged by the other checks
REPEATED_COVERAGE = 0.45  # share of tokens inside a repeated span: the text as a whole loops
TAIL_MIN_TOKENS = 80  # a coherent start that turns into a loop: the last third is (nearly) all repeats
TAIL_SHARE = 1 / 3
TAIL_COVERAGE = 0.9
LINE_TAIL_MIN = 5  # lines in the last third before a line loop counts (nested lists that repeat "1988:", "1989:")
LINE_TAIL_REPEATED = 0.8  # share of the last third's lines that are copies of earlier lines
# Mixed-language garble in an answer to a Chinese request: English words interleaved with Chinese, switching script
# again and again ("习近平在 politics和 social政治方面具有 significant impact"). Names, acronyms (all capitals) and
# code blocks do not count; a Chinese answer quoting a few English terms switches a few times and stays far below.
MIX_MIN_HAN = 20
MIX_LATIN_SHARE = 0.3  # English words among content units (a word, or two Han characters)
MIX_SWITCHES = 12
_LATIN = re.compile(r"[A-Za-z]")
_WORDLIKE = re.compile(r"[\w\u3400-\u4dbf\u4e00-\u9fff]")
_SQUASH = re.compile(r"[\W_]+")
_PIECES = re.compile(r"[^\n.!?。！？]+")
_TOKENS = re.compile(r"[A-Za-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_RUNS = re.compile(r"[A-Za-z]{2,}(?:[ '\-][A-Za-z]{2,})*|[\u3400-\u4dbf\u4e00-\u9fff]+")
_CODE = re.compile(r"```.*?(?:```|$)", re.S)


def _squash(text: str) -> str:
    return _SQUASH.sub("", text.lower())


def _trigrams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(max(len(text) - 2, 0))}


def is_echo(answer: str, prompt: str) -> bool:
    """The answer repeats the request (or a piece of it) instead of answering it."""
    a, p = _squash(answer), _squash(prompt)
    if not a or not p or len(a) > ECHO_MAX_RATIO * len(p):
        return False
    if a in p:
        return True
    grams = _trigrams(a)
    return bool(grams) and len(grams & _trigrams(p)) / len(grams) >= ECHO_COVERAGE


def is_loop(text: str) -> bool:
    """A repetition loop: the text compresses far better than prose, or one piece makes up most of it."""
    raw = text.encode("utf-8", "replace")
    if len(raw) >= MIN_LOOP_BYTES and len(zlib.compress(raw, 6)) / len(raw) < LOOP_RATIO:
        return True
    pieces = [_squash(p) for p in _PIECES.findall(text)]
    pieces = [p for p in pieces if len(p) >= 4]
    if len(pieces) < 4:
        return False
    top = max(pieces.count(p) * len(p) for p in set(pieces))
    return top / sum(len(p) for p in pieces) >= REPEATED_SHARE and max(pieces.count(p) for p in pieces) >= 4


def repeated_coverage(text: str) -> tuple[float, float, int]:
    """(share of all tokens, share of the last third's tokens, token count) inside a span that occurred before."""
    tokens = [t.lower() for t in _TOKENS.findall(text)]
    han = sum(1 for t in tokens if _HAN.match(t))
    span = REPEAT_SPAN_HAN if han * 2 > len(tokens) else REPEAT_SPAN_LATIN
    covered = [False] * len(tokens)
    seen: set[tuple[str, ...]] = set()
    for i in range(len(tokens) - span + 1):
        gram = tuple(tokens[i:i + span])
        if gram in seen:
            covered[i:i + span] = [True] * span
        seen.add(gram)
    if not tokens:
        return 0.0, 0.0, 0
    tail = covered[len(covered) - max(int(len(covered) * TAIL_SHARE), 1):]
    return sum(covered) / len(covered), sum(tail) / len(tail), len(tokens)


def is_repeated_spans(text: str) -> bool:
    """Whole sentences come back again and again (also when they vary a little or the loop starts midway)."""
    whole, tail, n = repeated_coverage(text)
    return (n >= REPEAT_MIN_TOKENS and whole >= REPEATED_COVERAGE) or (n >= TAIL_MIN_TOKENS and tail >= TAIL_COVERAGE)


def is_line_loop(text: str) -> bool:
    """The last third of the lines copies earlier lines: an outline or list that keeps reprinting its headings."""
    lines = [line for line in (_squash(x) for x in text.splitlines()) if line]
    k = len(lines) // 3
    if k < LINE_TAIL_MIN:
        return False
    seen = set(lines[:len(lines) - k])
    repeated = 0
    for line in lines[len(lines) - k:]:
        repeated += line in seen
        seen.add(line)
    return repeated / k >= LINE_TAIL_REPEATED


def is_mixed_garble(text: str, expected: str | None) -> bool:
    """An answer to a Chinese request that keeps switching between English words and Chinese mid-sentence."""
    if expected != "zh":
        return False
    plain = _CODE.sub(" ", text)
    han = len(_HAN.findall(plain))
    if han < MIX_MIN_HAN:
        return False
    runs = _RUNS.findall(plain)
    latin_words = sum(len(r.split()) for r in runs if not _HAN.match(r) and not r.isupper())
    switches = sum(1 for a, b in pairwise(runs) if bool(_HAN.match(a)) != bool(_HAN.match(b)))
    return latin_words / (latin_words + han / 2) >= MIX_LATIN_SHARE and switches >= MIX_SWITCHES


def is_gibberish(text: str) -> bool:
    """Symbol soup: most visible characters are neither letters, digits nor Han characters."""
    visible = [c for c in text if not c.isspace()]
    if len(visible) < 20:
        return False
    return sum(1 for c in visible if _WORDLIKE.match(c)) / len(visible) < WORDLIKE_FLOOR


def wrong_language(text: str, expected: str | None) -> bool:
    """Answered in the other script: no Han in an answer to a Chinese request, or the reverse."""
    if expected not in ("en", "zh"):
        return False
    han, latin = han_count(text), len(_LATIN.findall(text))
    if expected == "zh":
        return han == 0 and latin >= WRONG_LANGUAGE_MIN
    return latin * 10 < han and han >= WRONG_LANGUAGE_MIN


def is_truncated(gen: Generation) -> bool:
    """The generation was cut off: the backend said so (``Generation.truncated``: finish reason "length" or an
    unclosed reasoning block, recorded when it answered), the token limit ended it, or a reasoning block never
    closed. One notion of truncation for the judge, the run warning and the statistics."""
    if gen.truncated:
        return True
    if gen.finish_reason.lower() in ("length", "max_tokens", "max_length"):
        return True
    return gen.text.count("<think>") > gen.text.count("</think>")


def degenerate_reason(answer: str, *, prompt: str = "", expected_language: str | None = None) -> str | None:
    """Why ``answer`` is degenerate output, or None when it is an answer of some kind."""
    if not _squash(answer):
        return "empty answer"
    if prompt and is_echo(answer, prompt):
        return "echo of the request"
    if is_loop(answer):
        return "repetition loop"
    if is_repeated_spans(answer):
        return "repeated sentences (a loop that varies or starts midway)"
    if is_line_loop(answer):
        return "repeated lines (the last third copies earlier lines)"
    if is_gibberish(answer):
        return "symbol soup"
    if wrong_language(answer, expected_language):
        return f"answer not in the request's language ({expected_language})"
    if is_mixed_garble(answer, expected_language):
        return "mixed-language garble (English words interleaved with Chinese)"
    return None
