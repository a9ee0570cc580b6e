"""Rewrite Python 3.12 f-strings (PEP 701) into a form the 3.11 parser accepts, for static analysis only.

Python 3.12 lets an f-string's replacement fields reuse the enclosing quote, contain backslashes and span lines
(``f'{d['k']}'``, ``f'{x.replace('\\'', '')}'``). Much real code, LLM-written code included, uses that; the 3.11 ``ast``
rejects it, and the judge used to call such valid programs ``invalid``. :func:`downgrade` re-emits every f-string
with triple quotes and re-spells the string literals inside its fields without the outer quote or backslashes
(``chr(n)`` for characters that would need one), so the tree keeps the same shape (a ``JoinedStr`` whose fields hold
the same calls and names) and every token keeps its line. The rewritten code is never run.
"""

from __future__ import annotations

import ast
import re
import warnings

FSTRING_NOTE = "parsed after re-spelling Python 3.12 f-strings for the 3.11 parser"
_PREFIX = re.compile(r"(?<![\w.])([rRbBuUfF]{1,2})?('''|\"\"\"|'|\")")
_NAME_CHAR = re.compile(r"[\w]")


class _Fail(Exception):
    pass


def _is_f(prefix: str) -> bool:
    return "f" in prefix.lower()


def _scan_plain(src: str, i: int, quote: str, raw: bool) -> int:
    """End index (after the closing quote) of a non-f string whose body starts at ``i``."""
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\" and not raw:
            i += 2
            continue
        if c == "\\" and raw:
            i += 2
            continue
        if src.startswith(quote, i):
            return i + len(quote)
        if c == "\n" and len(quote) == 1:
            raise _Fail("newline in string")
        i += 1
    raise _Fail("unterminated string")


def _literal(text: str, avoid: str) -> str:
    """A 3.11 expression equal to the string ``text`` with no backslash and no ``avoid`` quote character."""
    quote = "'" if avoid == '"' else '"'
    parts: list[str] = []
    run = ""
    for ch in text:
        if ch in ("\\", quote, avoid, "{", "}") or not ch.isprintable():
            if run:
                parts.append(quote + run + quote)
                run = ""
            parts.append(f"chr({ord(ch)})")
        else:
            run += ch
    if run or not parts:
        parts.append(quote + run + quote)
    return parts[0] if len(parts) == 1 else "(" + " + ".join(parts) + ")"


def _scan_fstring(src: str, i: int, quote: str, raw: bool, outer: str | None) -> tuple[int, str]:
    """Parse an f-string body from ``i``; return (end, 3.11 text). ``outer`` set: nested inside a field."""
    n = len(src)
    buf = ""
    pieces: list[tuple[str, str, str]] = []  # ("lit", source text, "") or ("field", expression, tail)
    while i < n:
        c = src[i]
        if src.startswith(quote, i):
            if buf:
                pieces.append(("lit", buf, ""))
            return i + len(quote), _emit(pieces, raw, outer)
        if c == "\\":
            buf += src[i:i + 2]
            i += 2
            continue
        if c == "\n" and len(quote) == 1:
            raise _Fail("newline in f-string")
        if c == "{":
            if src.startswith("{{", i):
                buf += "{{"
                i += 2
                continue
            if buf:
                pieces.append(("lit", buf, ""))
                buf = ""
            i, expr, tail = _scan_field(src, i + 1, quote, raw)
            pieces.append(("field", expr, tail))
            continue
        if c == "}" and src.startswith("}}", i):
            buf += "}}"
            i += 2
            continue
        buf += c
        i += 1
    raise _Fail("unterminated f-string")


def _emit(pieces: list[tuple[str, str, str]], raw: bool, outer: str | None) -> str:
    if outer is None:  # top level: a triple-quoted f-string
        body = "".join(text if kind == "lit" else "{" + text + tail + "}" for kind, text, tail in pieces)
        q = '"""' if '"""' not in body and not body.endswith('"') else "'''"
        if q in body or body.endswith(q[0]):
            raise _Fail("no quote fits")
        return ("rf" if raw else "f") + q + body + q
    # nested inside a field: a join of its parts, spelled without quotes the outer string uses
    parts = []
    for kind, text, _tail in pieces:
        if kind == "lit":
            value = text if raw else _unescape(text)
            parts.append(_literal(value.replace("{{", "{").replace("}}", "}"), outer))
        else:
            parts.append(f"format({text})")
    return "(" + " + ".join(parts or [_literal("", outer)]) + ")"


def _unescape(text: str) -> str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return str(ast.literal_eval('"""' + text.replace('"""', '\\"\\"\\"') + ' """'))[:-1]
    except (SyntaxError, ValueError):
        return text


def _scan_field(src: str, i: int, quote: str, raw: bool) -> tuple[int, str, str]:
    """Scan a replacement field after ``{``; return (index after ``}``, rewritten expression, ``!r:spec`` tail)."""
    n = len(src)
    depth = 0
    expr = ""
    while i < n:
        c = src[i]
        starts = c in "'\"" or (c.isalpha() and not _NAME_CHAR.match(src[i - 1]))
        m = _PREFIX.match(src, i) if starts else None
        if m:
            prefix, q = m.group(1) or "", m.group(2)
            body = m.end()
            if _is_f(prefix):
                end, text = _scan_fstring(src, body, q, "r" in prefix.lower(), outer="\"")
            else:
                end = _scan_plain(src, body, q, "r" in prefix.lower())
                token = src[i:end]
                if "b" in prefix.lower():
                    raise _Fail("bytes in field")
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        value = ast.literal_eval(token)
                except (SyntaxError, ValueError) as exc:
                    raise _Fail("bad literal") from exc
                text = _literal(str(value), '"')
            expr += text
            i = end
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                if c != "}":
                    raise _Fail("unbalanced")
                return i + 1, expr, ""
            depth -= 1
        elif depth == 0 and c == "!" and not src.startswith("!=", i):
            return _scan_tail(src, i, quote, raw, expr)
        elif depth == 0 and c == ":":
            return _scan_tail(src, i, quote, raw, expr)
        elif c == "#":
            raise _Fail("comment in field")
        elif c == "\\":
            raise _Fail("backslash in field")
        expr += c
        i += 1
    raise _Fail("unterminated field")


def _scan_tail(src: str, i: int, quote: str, raw: bool, expr: str) -> tuple[int, str, str]:
    """Conversion and format spec up to the field's closing ``}`` (nested fields in the spec allowed)."""
    tail = ""
    depth = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "{":
            depth += 1
        elif c == "}":
            if depth == 0:
                return i + 1, expr, tail
            depth -= 1
        elif c in "'\"\\\n":
            raise _Fail("quote in format spec")
        tail += c
        i += 1
    raise _Fail("unterminated format spec")


def downgrade(code: str) -> str | None:
    """``code`` with its f-strings re-spelled for the 3.11 parser; None when nothing changed or it cannot."""
    out: list[str] = []
    i, n, changed = 0, len(code), False
    while i < n:
        c = code[i]
        if c == "#":
            j = code.find("\n", i)
            j = n if j < 0 else j
            out.append(code[i:j])
            i = j
            continue
        m = _PREFIX.match(code, i) if (c in "'\"" or c.isalpha()) else None
        if m:
            prefix, q = m.group(1) or "", m.group(2)
            try:
                if _is_f(prefix):
                    end, text = _scan_fstring(code, m.end(), q, "r" in prefix.lower(), outer=None)
                    original = code[i:end]
                    if text != original:
                        changed = True
                    out.append(text if _needs(original) else original)
                else:
                    end = _scan_plain(code, m.end(), q, "r" in prefix.lower())
                    out.append(code[i:end])
            except _Fail:
                return None
            i = end
            continue
        if c.isalnum() or c == "_":  # skip the rest of a name so its tail is not read as a prefix
            j = i
            while j < n and (code[j].isalnum() or code[j] == "_"):
                j += 1
            out.append(code[i:j])
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out) if changed else None


def _needs(original: str) -> bool:
    """Keep f-strings that 3.11 already parses exactly as written."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse("(" + original + ")")
        return False
    except (SyntaxError, ValueError):
        return True


def parse_tolerant(code: str) -> tuple[str, ast.Module] | None:
    """(rewritten code, tree) when ``code`` parses only after :func:`downgrade`; else None."""
    new = downgrade(code)
    if new is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return new, ast.parse(new)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return None
