"""Bounds checks for C: an index or a length that reaches a buffer without a test against that buffer's size.

Each check asks what a fixed twin adds: ``if (i >= K)`` before ``a[i]`` (and not ``i > K``, which lets ``i == K``
through), ``if (n >= sizeof buf)`` before ``memcpy(buf, src, n)``, ``if (off + 1 >= len)`` before reading
``p[off + 1]``, and ``if (n < 0)`` for a signed length. Only comparisons made before the access count.
"""

from __future__ import annotations

import re

from redline.judges.code.polyglot.c_text import (
    Func,
    const_size,
    finding,
    functions,
    line_of,
    lower_bounded,
    root,
    signed_names,
    tainted,
    upper_bounds,
)
from redline.judges.code.polyglot.checks_web import balanced
from redline.records import Finding

_ACCESS = re.compile(r"(?<![\w>.])(\w+(?:(?:->|\.)\w+)*)\s*\[\s*(\w+(?:(?:->|\.)\w+)?)(\s*\+\+)?\s*\]"
                     r"(\s*(?:=(?!=)|[-+|&]=))?")
_READ = r"(?:\w+\s*\[|\*\s*\(?\s*\w+|\w+\s*->|\w+\s*\.\s*\w+|be\d+|le\d+|\w*get_[us]?\d+|ntoh)"


def _norm(expr: str) -> str:
    return re.sub(r"\s+", "", expr).strip("()")


def _is_size_of(bound: str, array: str, size: str) -> bool:
    """Does ``bound`` denote the size of ``array`` (its constant, ``sizeof`` it, or an element count of it)?"""
    b = _norm(bound)
    leaf = re.split(r"->|\.", array)[-1]
    return b == _norm(size) or bool(re.search(rf"sizeof\(?\w*(?:->|\.)?{re.escape(leaf)}\b|ARRAY_SIZE\(", b))


def _bounded_by_size_call(func: Func, var: str, array: str) -> bool:
    """``n = read(fd, buf, sizeof buf - 1)``: a value returned by a call that was given the buffer or its size."""
    leaf = re.escape(re.split(r"->|\.", array)[-1])
    return bool(re.search(rf"\b{re.escape(var)}\s*=\s*[^;]*\w+\s*\([^;]*(\b{leaf}\b|sizeof)[^;]*;", func.body))


def _verdict(body: str, var: str, array: str, size: str | None) -> str | None:
    """``unchecked``, ``off-by-one`` or None (guarded) for ``array[var]`` given the text before the access."""
    bounds = upper_bounds(body, var)
    if not bounds:
        return "unchecked"
    if size is None:
        return None
    own = [(op, b) for op, b in bounds if _is_size_of(b, array, size)]
    if not own or len(own) < len(bounds):
        return None  # bounded by something else as well: not ours to judge
    loose = [(op, b) for op, b in own if op in (">", "<=") and not _norm(b).endswith("-1")]
    return "off-by-one" if len(loose) == len(own) else None


def _loop_header(body: str, pos: int) -> str | None:
    """The header of the innermost ``for``/``while`` whose body holds ``pos``."""
    found = None
    for loop in re.finditer(r"\b(?:for|while)\s*\(", body[:pos]):
        header = balanced(body, loop.end() - 1)
        start = loop.end() - 1 + len(header)
        rest = body[start:].lstrip()
        end = start + (len(body[start:]) - len(rest)) + (len(balanced(rest, 0)) if rest.startswith("{") else
                                                          rest.find(";") + 1)
        if start <= pos < end:
            found = header
    return found


def _compared(text: str, var: str) -> bool:
    """``var`` appears in any comparison, on either side (``count > out_len - pos`` tests ``pos``)."""
    v = re.escape(var)
    return bool(re.search(rf"(?:<|>)=?[^;&|?{{}}]*(?<![\w>.]){v}\b|(?<![\w>.]){v}\b[^;&|?{{}}=]*(?:<|>)", text))


def _size_param(func: Func, array: str) -> bool:
    """A parameter that gives the size of the caller's buffer ``array`` (``out_len``, ``outsz``, ``cap``...)."""
    a = re.escape(array)
    return any(re.fullmatch(rf"{a}_?(?:len|size|sz|cap|max|n)\w*|(?:len|size|cap|max|n|count)\w*", p)
               for p in func.params if p != array)


def index_bounds(text: str) -> list[Finding]:
    """``a[i]`` where ``a`` has a constant size (local, global or struct member) and ``i`` comes from the caller or
    input (or counts up in a loop over input) with no upper test before it, or only one that lets ``i == size``
    through, or no test for a negative signed ``i``; ``p[i]`` into a caller's buffer with ``i`` decoded from data
    and never tested; ``p[i++] = ...`` in a loop when the caller passed ``p``'s size and ``i`` is never compared."""
    out = []
    for func in functions(text):
        names, signed = tainted(func), signed_names(func, text)
        params = set(func.params)
        seen: set[tuple[str, str]] = set()
        for match in _ACCESS.finditer(func.body):
            array, index, step, write = match.group(1), match.group(2), bool(match.group(3)), bool(match.group(4))
            if (array, index) in seen or index.isdigit() or index.isupper() or array in ("sizeof",):
                continue
            seen.add((array, index))
            before = func.body[:match.start()]
            header = _loop_header(func.body, match.start()) if step else None
            counted = header is not None and any(re.search(rf"\b{re.escape(n)}\b", header) for n in names)
            size = const_size(func, text, array) if root(array) not in params or "->" in array or "." in array \
                else None
            if size is None and array in params:
                if counted and write and _size_param(func, array) and not _compared(before, index):
                    out.append(finding("c-index-unchecked", "CWE-787", "high",
                                       line_of(text, func.offset + match.start()),
                                       f"'{array}[{index}++]' is written in a loop over input and '{index}' is "
                                       "never compared with the buffer's size"))
                    continue
                if not re.search(rf"\b{re.escape(index)}\s*=\s*[^=;]*{_READ}", before):
                    continue  # a caller's buffer indexed by anything but a value read from data: no size known
            elif size is None:
                continue
            verdict = _verdict(before, index, array, size)
            if verdict is None and index in signed and root(index) in names and not lower_bounded(before, index):
                verdict = "negative"
            if verdict is None or (verdict == "unchecked" and ((root(index) not in names and not counted) or (
                    size is not None and _bounded_by_size_call(func, index, array)))):
                continue
            if verdict == "unchecked" and re.search(rf"\bfor\s*\([^;]*;[^;]*\b{re.escape(index)}\b", before):
                continue
            if re.search(rf"\b(?:strncmp|memcmp|strncasecmp)\s*\(\s*{re.escape(array)}\s*,[^;]*,\s*"
                         rf"{re.escape(index)}\s*\)\s*==\s*0", before):
                continue  # the first 'index' bytes matched a string: 'array' is at least that long
            cwe = "CWE-787" if write else "CWE-125"
            what = {"off-by-one": "only tested with a bound that lets it equal the size",
                    "negative": "a signed value tested from above but never for a negative value",
                    "unchecked": "not tested against the buffer's size"}[verdict]
            out.append(finding(f"c-index-{verdict}", cwe, "high", line_of(text, func.offset + match.start()),
                               f"'{array}[{index}]' is {'written' if write else 'read'}; '{index}' is {what}"
                               + (f" ({size})" if size else "")))
    return out


def copy_length(text: str) -> list[Finding]:
    """``memcpy(buf, src, n)`` into a buffer of constant size where ``n`` comes from the caller or input and no
    test before the copy compares ``n`` with that size (a test against the source length does not bound the
    destination)."""
    out = []
    for func in functions(text):
        names = tainted(func)
        for match in re.finditer(r"\b(memcpy|memmove|strncpy|strncat|memset)\s*\(\s*(&?)\s*(\w+(?:(?:->|\.)\w+)*)"
                                 r"\s*,[^;]*?,\s*([^;]*)\)\s*;", func.body):
            dest, length = match.group(3), match.group(4)
            size = const_size(func, text, dest)
            if size is None and match.group(2) and re.search(rf"\bstruct\s+\w+\s+{re.escape(dest)}\s*[;=]", func.body):
                size = f"sizeof({dest})"  # a local struct filled from a buffer
            lvars = [v for v in re.findall(r"(?<![\w>.])([a-z_]\w*(?:(?:->|\.)\w+)?)", re.sub(r"sizeof\s*\(?[^)]*\)?",
                                                                                             "", length))]
            if size is None or not lvars or "sizeof" in length or re.search(rf"\b{re.escape(size)}\b", length):
                continue
            if not any(root(v) in names for v in lvars):
                continue
            before = func.body[:match.start()]
            if any(_bounded_to(func, before, v, dest, size) for v in lvars):
                continue
            out.append(finding("c-copy-length-unchecked", "CWE-787", "high",
                               line_of(text, func.offset + match.start()),
                               f"{match.group(1)} of '{length.strip()[:40]}' bytes into '{dest}' ({size}) with no "
                               f"test of the length against {size}"))
    return out


def _bounded_to(func: Func, before: str, var: str, dest: str, size: str) -> bool:
    """Is ``var`` limited to the destination's size: compared with it, or computed from it (``min``, ``sizeof``)?"""
    if any(_is_size_of(b, dest, size) or re.search(r"sizeof|[A-Z_]{3,}", b) for _, b in upper_bounds(before, var)):
        return True
    leaf = re.escape(re.split(r"->|\.", dest)[-1])
    size_ref = rf"sizeof\s*\(?\s*(?:\w+(?:->|\.))?{leaf}\b|(?<!\w){re.escape(size)}(?!\w)"
    if re.search(rf"\b{re.escape(var)}\s*=\s*[^;]*({size_ref}|\bmin\b|\bMIN\b)", before):
        return True
    source = re.findall(rf"(?<![\w>.]){re.escape(var)}\s*=(?!=)\s*([^;]*);", before)
    terms = {var, *re.findall(r"(?<![\w>.])([a-z_]\w*(?:(?:->|\.)\w+)*)", source[-1] if source else "")}
    return any(re.search(size_ref, clause) and any(re.search(rf"(?<![\w>.]){re.escape(t)}(?![\w(])", clause)
                                                   for t in terms) for clause in _clauses(before))


def _clauses(text: str) -> list[str]:
    """The comparisons in the conditions of ``if``/``while``/``for`` (split at ``&&``/``||``): ``size - 8 >
    sizeof(b->body)`` bounds what ``size - 8`` is later stored in."""
    out = []
    for cond in re.finditer(r"\b(?:if|while|for)\s*\(", text):
        for clause in re.split(r"&&|\|\||;", balanced(text, cond.end() - 1)):
            if re.search(r"(?<![-<>])[<>](?![<>])", clause):
                out.append(clause)
    return out


def offset_read(text: str) -> list[Finding]:
    """``p[off + k]`` on a caller's buffer where ``off`` is only ever tested alone (``off < len``): the bytes after
    ``off`` are read without a test that they exist."""
    out = []
    for func in functions(text):
        for match in re.finditer(r"(?<![\w>.])(\w+)\s*\[\s*(\w+)\s*\+\s*(\w+)\s*\]", func.body):
            array, off, k = match.groups()
            if array not in func.params or off.isdigit():
                continue
            before = func.body[:match.start()]
            o, a = re.escape(off), re.escape(array)
            bounds = upper_bounds(before, off)
            if any("strlen" in b for _, b in bounds) or re.search(
                    rf"\b{a}\s*\[\s*{o}\s*\]\s*(?:==\s*'[^\\]|!=\s*'\\0')", before):
                continue  # a C string: the byte at 'off' is not its NUL, so 'off + 1' is still inside
            step = re.search(rf"\b{o}\s*\+=\s*(\d+)", func.body)
            if step and k.isdigit() and int(k) < int(step.group(1)) and any(re.search(
                    rf"\b{re.escape(b)}\s*(?:%\s*{step.group(1)}\b|&\s*{int(step.group(1)) - 1}\b)", func.body)
                    for _, b in bounds if re.fullmatch(r"\w+", b)):
                continue  # the length is a multiple of the step: 'off + k' stays inside
            if not bounds or re.search(
                    rf"\b{o}\s*[-+]\s*\w+\s*(?:<|>|<=|>=)|(?:<|>|<=|>=)\s*[^;&|]*-\s*{o}\b|-\s*{o}\s*(?:<|>|<=|>=)",
                    before):
                continue
            out.append(finding("c-offset-read-unchecked", "CWE-125", "high",
                               line_of(text, func.offset + match.start()),
                               f"'{array}[{off} + {k}]' is read but only '{off}' itself was tested against the "
                               "length"))
            break
    return out


def signed_length(text: str) -> list[Finding]:
    """A signed length from input with an upper test but no test for negative values, used as a copy length or
    an index: a negative value passes the test and becomes a huge ``size_t``."""
    out = []
    for func in functions(text):
        names = tainted(func)
        signed = signed_names(func, text)
        for match in re.finditer(r"\b(memcpy|memmove|memset|read|fread|recv|strncpy)\s*\(([^;]*?),\s*(\w+)\s*\)\s*;",
                                 func.body):
            length = match.group(3)
            if length not in signed or length not in names:
                continue
            before = func.body[:match.start()]
            if not upper_bounds(before, length) or lower_bounded(before, length):
                continue
            out.append(finding("c-signed-length", "CWE-195", "high", line_of(text, func.offset + match.start()),
                               f"signed '{length}' is tested only from above before {match.group(1)}(); a negative "
                               "value passes and is converted to a huge size"))
            break
        out.extend(_signed_offsets(text, func, names, signed))
    return out


def _signed_offsets(text: str, func: Func, names: frozenset[str], signed: frozenset[str]) -> list[Finding]:
    """``p + off`` passed to a copy, with ``off`` signed, tested from above only: a negative offset reaches memory
    before the buffer (CWE-125 as a source, CWE-787 as the destination)."""
    out = []
    for match in re.finditer(r"\b(memcpy|memmove|copy_to_user|copy_from_user|read|write|fread|fwrite|send|recv)\s*\(",
                             func.body):
        args = [a.strip() for a in balanced(func.body, match.end() - 1)[1:-1].split(",")]
        for k, arg in enumerate(args):
            off = re.fullmatch(r"\w+(?:(?:->|\.)\w+)*\s*\+\s*(\w+)|&\s*\w+(?:(?:->|\.)\w+)*\s*\[\s*(\w+)\s*\]", arg)
            var = off and (off.group(1) or off.group(2))
            if not var or var not in signed or var not in names:
                continue
            before = func.body[:match.start()]
            if not upper_bounds(before, var) or lower_bounded(before, var):
                continue
            write = (k == 0) != (match.group(1) in ("copy_to_user", "write", "fwrite", "send"))
            out.append(finding("c-signed-offset", "CWE-787" if write else "CWE-125", "high",
                               line_of(text, func.offset + match.start()),
                               f"signed offset '{var}' is tested only from above before {match.group(1)}(); a "
                               "negative value reaches memory before the buffer"))
            return out
    return out


BOUNDS_CHECKS = (index_bounds, copy_length, offset_read, signed_length)
