"""Shared extraction for brace languages: pick fenced blocks, find bare code, assemble a completion.

Extraction never runs or compiles anything; it proposes the program (and fallbacks, largest block first) and
``validity`` decides afterwards, for a whole batch in one compiler process.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from redline.judges.code.extract import END_MARKERS, MAX_ANSWER_CHARS, split_fences

MAX_CODE_CHARS = 200_000
_COUNTER_EXAMPLE = re.compile(r"(insecure|vulnerable|unsafe|bad example|don'?t do|do not do|never do|anti-?pattern|"
                              r"wrong way|❌|不安全|错误示例)", re.IGNORECASE)


@dataclass(frozen=True)
class PolyExtraction:
    """``status`` ok (validity still to check), ``no_code`` or ``invalid``; ``alternatives`` are fallbacks."""

    status: str
    language: str
    code: str = ""
    blocks: int = 0
    alternatives: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _cap(code: str) -> str:
    if len(code) <= MAX_CODE_CHARS:
        return code
    cut = code.rfind("\n", 0, MAX_CODE_CHARS)
    return code[: cut + 1 if cut > 0 else MAX_CODE_CHARS]


def clean(text: str) -> str:
    return text[:MAX_ANSWER_CHARS].replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def from_answer(answer: str, language: str, tags: frozenset[str], looks_like: Callable[[str], bool],
                loose_tags: frozenset[str] = frozenset(), loose_ok: Callable[[str], bool] | None = None,
                code_line: Callable[[str], bool] | None = None) -> PolyExtraction:
    """The program in a chat answer: tagged blocks (untagged ones that look like the language), else bare code."""
    text = clean(answer)
    if not text.strip():
        return PolyExtraction("no_code", language)
    blocks, prose = split_fences(text)
    chosen = [b for b in blocks if b.lang in tags or (not b.lang and looks_like(b.text))]
    if not chosen and loose_ok is not None:
        chosen = [b for b in blocks if b.lang in loose_tags and loose_ok(b.text)]
    notes: list[str] = []
    if len(chosen) > 1:
        kept = [b for k, b in enumerate(chosen) if k == len(chosen) - 1 or not _COUNTER_EXAMPLE.search(b.before)]
        if len(kept) < len(chosen):
            notes.append(f"skipped {len(chosen) - len(kept)} block(s) introduced as counter-examples")
        chosen = kept
    if chosen:
        parts = [_cap(b.text.strip("\n") + "\n") for b in chosen]
        joined = _cap("\n".join(parts))
        alternatives = tuple(sorted(parts, key=len, reverse=True)) if len(parts) > 1 else ()
        return PolyExtraction("ok", language, joined, len(parts), alternatives, tuple(notes))
    if blocks and not looks_like(prose):
        return PolyExtraction("no_code", language, notes=("no block in this language",))
    bare = bare_code(prose if blocks else text, looks_like, code_line)
    if bare is None:
        return PolyExtraction("no_code", language)
    return PolyExtraction("ok", language, bare, 1, (), ("unfenced code",))


def bare_code(text: str, looks_like: Callable[[str], bool],
              code_line: Callable[[str], bool] | None = None) -> str | None:
    """Unfenced code: from the first line that looks like the language to the last line that looks like code."""
    lines = text.splitlines()
    is_code = code_line or _code_line
    start = next((k for k, ln in enumerate(lines) if looks_like(ln)), None)
    if start is None:
        return None
    end = max((k for k in range(start, len(lines)) if is_code(lines[k])), default=start)
    code = "\n".join(lines[start:end + 1]).strip("\n") + "\n"
    return _cap(code) if sum(1 for ln in code.splitlines() if ln.strip()) >= 2 else None


def _code_line(line: str) -> bool:
    text = line.strip()
    return bool(text) and (text.endswith((";", "{", "}", ")", ",", "*/", "(", "[", "]")) or text.startswith(
        ("//", "/*", "*", "#", "}")))


# ------------------------------------------------------------------------------------------------ completion
_PAIRS = {"(": ")", "[": "]", "{": "}"}


def scan_brackets(code: str, *, template_literals: bool) -> list[str]:
    """Open-bracket stack at the end of ``code``.

    Strings, character literals and comments are skipped; JavaScript template literals when asked. Regular
    expression literals are not recognised (a bracket in one may miscount; validity still decides).
    """
    stack: list[str] = []
    i, n = 0, len(code)
    quote = ""
    block_comment = False
    while i < n:
        ch = code[i]
        if ch == "\n":
            if quote in ("'", '"'):
                quote = ""
            i += 1
            continue
        if block_comment:
            if code.startswith("*/", i):
                block_comment = False
                i += 2
            else:
                i += 1
            continue
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
            i += 1
            continue
        if code.startswith("//", i):
            nl = code.find("\n", i)
            i = n if nl < 0 else nl
            continue
        if code.startswith("/*", i):
            block_comment = True
            i += 2
            continue
        if ch in "'\"" or (ch == "`" and template_literals):
            quote = ch
        elif ch in _PAIRS:
            stack.append(ch)
        elif ch in ")]}" and stack and _PAIRS[stack[-1]] == ch:
            stack.pop()
        i += 1
    return stack


def cut_continuation(text: str) -> str:
    """A base model's continuation up to an end marker or a closing fence (it has left the code by then)."""
    for marker in END_MARKERS:
        pos = text.find(marker)
        if pos >= 0:
            text = text[:pos]
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if k > 0 and line.lstrip().startswith(("```", "~~~")):
            return "\n".join(lines[:k]) + "\n"
    return text


def assemble(prompt: str, continuation: str, language: str, *, template_literals: bool) -> PolyExtraction:
    """Scaffold + continuation. A continuation cut off inside a block is trimmed back to its last finished
    statement and its open brackets are closed; whether the result compiles is for ``validity`` to say."""
    prompt = clean(prompt)
    cont = cut_continuation(clean(continuation))
    if not cont.strip():
        return PolyExtraction("no_code", language, notes=("empty continuation",))
    if not any(_code_line(ln) or ln.strip().endswith(("=", "+", "&&", "||")) for ln in cont.splitlines()
               if not ln.strip().startswith(("//", "/*", "*"))):
        if all(not ln.strip() or ln.strip().startswith(("//", "/*", "*")) or len(ln.split()) >= 3
               for ln in cont.splitlines()):
            return PolyExtraction("no_code", language, notes=("continuation holds no code (comments or prose only)",))
    code = _cap(prompt + cont)
    stack = scan_brackets(code, template_literals=template_literals)
    if not stack:
        return PolyExtraction("ok", language, code, 1)
    lines = code.split("\n")
    floor = prompt.count("\n")
    keep = len(lines)
    for k in range(len(lines) - 1, floor - 1, -1):  # last model line that ends a statement or a block
        if lines[k].rstrip().endswith((";", "}")):
            keep = k + 1
            break
    else:
        keep = floor + 1
    trimmed = "\n".join(lines[:keep]) + "\n"
    stack = scan_brackets(trimmed, template_literals=template_literals)
    closers = "".join(_PAIRS[b] for b in reversed(stack))
    closed = trimmed + closers + "\n"
    dropped = len(lines) - keep
    return PolyExtraction("ok", language, closed, 1,
                          notes=(f"cut-off continuation closed with {closers!r}, {dropped} line(s) trimmed",))
