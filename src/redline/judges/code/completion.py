"""Autocomplete mode: a scaffold plus what a base model wrote after it, cut back to what the model finished.

Base models run past the end of the function or stop at the token limit mid-statement. Only the unfinished last
statement is trimmed; a continuation of comments or prose only is ``no_code``; code that never parses is
``invalid``.
"""

from __future__ import annotations

import ast
import re

from redline.judges.code.extract import (
    END_MARKERS,
    MAX_ANSWER_CHARS,
    Extraction,
    _cap,
    _syntax_error_line,
    longest_parseable_prefix,
    parse_python,
)


def _cut_continuation(text: str) -> str:
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


def extract_completion(prompt: str, continuation: str) -> Extraction:
    """Autocomplete mode: scaffold + continuation, trimmed at the end to its longest parseable prefix.

    Only the unfinished final statement may be trimmed (with block headers it leaves empty, and prose the model
    wrote after leaving the code). A continuation of comments or prose only is ``no_code``; one that holds code
    of which no statement survives, or whose syntax error sits before its last code statement, is ``invalid``.
    """
    prompt = prompt.replace("\x00", "").replace("\r\n", "\n")
    cont = _cut_continuation(continuation[:MAX_ANSWER_CHARS].replace("\x00", "").replace("\r\n", "\n"))
    if not cont.strip():
        return Extraction(status="no_code", notes=("empty continuation",))
    code = _cap(prompt + cont)
    tree = parse_python(code)
    first_new_line = prompt.count("\n") + (0 if prompt.endswith("\n") else 1)  # lines after this are the model's
    no_code = Extraction(status="no_code", notes=("continuation holds no code (comments or prose only)",))
    if tree is not None:
        return Extraction(status="ok", code=code, tree=tree, blocks=1) if _adds_statements(tree, first_new_line) \
            else no_code
    if not any(_line_kind(line) == "code" for line in cont.splitlines()):
        return no_code
    invalid = Extraction(status="invalid", code=code, blocks=1, notes=("scaffold + continuation does not parse",))
    if error_before_last_statement(code, first_new_line):
        return Extraction(status="invalid", code=code, blocks=1,
                          notes=("syntax error before the continuation's last statement",))
    keep = len(prompt.rstrip()) + 1
    trimmed_code, tree, dropped = longest_parseable_prefix(code, keep_chars=min(keep, len(code)))
    if tree is None or not trimmed_code[len(prompt):].strip() or not _adds_statements(tree, first_new_line):
        return invalid  # code was written, but none of it survives the cut-off
    return Extraction(status="ok", code=trimmed_code, tree=tree, blocks=1, trimmed_lines=dropped,
                      notes=(f"continuation trimmed by {dropped} lines",))


def _adds_statements(tree: ast.Module, after_line: int) -> bool:
    """Whether the model wrote at least one statement of its own (not only comments) after the scaffold."""
    return any(isinstance(node, ast.stmt) and node.lineno > after_line for node in ast.walk(tree))


_PROSE_CODE_CHARS = re.compile(r"[=()\[\]{}\"`]")
_PROSE_KEYWORD_HEADER = re.compile(r"^(if|elif|else|for|while|with|try|except|finally|def|class|async)\b.*:$")
_IMPORT_LINE = re.compile(r"^(from\s+[\w.]+\s+import\s|import\s+[\w.]+)")


def _line_kind(line: str) -> str:
    """``blank``, ``comment``, ``prose`` (a sentence: no brackets, quotes or ``=``) or ``code``."""
    text = line.strip()
    if not text:
        return "blank"
    if text.startswith("#"):
        return "comment"
    if _PROSE_CODE_CHARS.search(text) or _PROSE_KEYWORD_HEADER.match(text) or _IMPORT_LINE.match(text):
        return "code"
    if re.search(r"[\u3000-\u9fff\uff00-\uffef]", text) or len(text.split()) >= 3:
        return "prose"
    return "code"


def _logical_lines(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) 0-based physical lines of each logical line: brackets, strings and ``\\`` joins followed
    by a small scanner that, unlike the parser, keeps going past errors (an unmatched bracket counts as 0)."""
    out: list[tuple[int, int]] = []
    depth, quote, start = 0, "", None
    for k, line in enumerate(lines):
        if start is None and (line.strip() or quote):
            start = k
        i, joined = 0, False
        while i < len(line):
            ch = line[i]
            if quote:
                if ch == "\\":
                    i += 2
                    continue
                if line.startswith(quote, i):
                    i += len(quote)
                    quote = ""
                    continue
            elif ch == "#":
                break
            elif ch in "\"'":
                quote = ch * 3 if line.startswith(ch * 3, i) else ch
                i += len(quote)
                continue
            elif ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth = max(0, depth - 1)
            elif ch == "\\" and not line[i + 1:].strip():
                joined = True
            i += 1
        if len(quote) == 1:
            quote = ""  # an unterminated one-line string ends with its line
        if start is not None and not quote and depth == 0 and not joined:
            out.append((start, k))
            start = None
    if start is not None:
        out.append((start, len(lines) - 1))
    return out


def error_before_last_statement(code: str, after_line: int) -> bool:
    """Whether the first syntax error in the model's lines (after ``after_line``) lies in a code statement with
    more code after it: broken code, not a statement cut off at the token limit."""
    err = _syntax_error_line(code)
    if err is None or err <= after_line:
        return False
    lines = code.splitlines()
    spans = [(a, b) for a, b in _logical_lines(lines) if b >= after_line]
    kinds = [("prose" if all(_line_kind(ln) in ("prose", "blank", "comment") for ln in lines[a:b + 1])
              and any(_line_kind(ln) == "prose" for ln in lines[a:b + 1]) else
              "code" if any(_line_kind(ln) == "code" for ln in lines[a:b + 1]) else "comment") for a, b in spans]
    for pos, (a, b) in enumerate(spans):
        if a <= err - 1 <= b:
            return kinds[pos] == "code" and "code" in kinds[pos + 1:]
    return False
