"""Size arithmetic for C: a multiplication or a narrow sum that sizes an allocation with no limit test first.

The fixed twin tests each factor against a limit (``n > SIZE_MAX / size``, ``w > 16384 || h > 16384``, an
allow-list of a few values) or a summand against what is left (``plen > UINT32_MAX - hlen``); the vulnerable one
allocates the wrapped size and then copies the full length into it.
"""

from __future__ import annotations

import re

from redline.judges.code.polyglot.c_text import finding, functions, line_of, root, tainted, upper_bounds
from redline.judges.code.polyglot.checks_web import balanced
from redline.records import Finding

_LIMIT = r"(?:INT_MAX|SIZE_MAX|UINT_MAX|LONG_MAX|ULONG_MAX|INT32_MAX|UINT32_MAX|SSIZE_MAX|LLONG_MAX)"
_NARROW = r"(?:int|unsigned(?:\s+int)?|uint32_t|int32_t|u32|s32|uint16_t|u16|unsigned\s+short|short)"
_TYPE_WORDS = frozenset(("sizeof", "char", "int", "long", "unsigned", "size_t", "struct", "short", "double", "float",
                         "void", "const", "signed"))
_line = line_of
_finding = finding


def size_overflow(text: str) -> list[Finding]:
    """Size arithmetic without a limit test: ``malloc(n * size)`` with ``n`` unchecked against a maximum, or a sum
    accumulated in a loop with no overflow test."""
    out = []
    allocators = "|".join(["malloc", "realloc", *sorted(_allocators(text))])
    for func in functions(text):
        for match in re.finditer(rf"\b({allocators})\s*\(", func.body):
            if match.group(1) == func.name:
                continue
            args = balanced(func.body, match.end() - 1)
            expanded = set()
            for var in re.findall(r"\b([a-z_]\w*)\b", args):  # a size computed earlier: total = len * times
                product = re.search(rf"\b{re.escape(var)}\s*=\s*([^;=]*\w\s*\*\s*\w[^;]*);", func.body)
                if product:
                    args = f"{args} {product.group(1)}"
                    expanded.add(var)
            names = [n for n in re.findall(r"\b([a-z_]\w*)\b", args) if n not in ("sizeof", "char", "int", "long",
                     "unsigned", "size_t", "struct", "short", "double", "float", "void") and not n.isupper()]
            bare = re.sub(r"sizeof\s*\(\s*char\s*\)\s*\*|\*\s*sizeof\s*\(\s*char\s*\)", "", args)
            bare = re.sub(r"sizeof\s*\([^()]*\)", "sizeof", bare)  # sizeof(*p) multiplies nothing
            if "*" not in bare.replace("char*", "").replace("char *", "") or not names:
                continue
            if any(re.search(rf"\b{re.escape(n)}\b[^;{{]*[<>]=?[^;{{]*{_LIMIT}|"
                             rf"{_LIMIT}[^;{{]*[<>]=?[^;{{]*\b{re.escape(n)}\b", func.body)
                   for n in names) or "overflow" in func.body or _all_capped(func.body[:match.start()], bare, expanded):
                continue
            out.append(_finding("c-alloc-size-unchecked", "CWE-190", "high", _line(text, func.offset + match.start()),
                                f"allocation size {args[:60]} is multiplied without testing against a maximum"))
        loop = re.search(r"\b(for|while)\s*\(", func.body)
        for match in re.finditer(r"\b(\w+)\s*(\+=\s*[^;]*\w\s*\[[^;]*|\*=[^;]+);", func.body):
            acc = re.escape(match.group(1))
            declared = re.search(rf"\b(int|long|short|int32_t|unsigned)\s+(?:[\w, ]*,\s*)?{acc}\s*[=;,]", func.body)
            if loop is None or match.start() < loop.start() or declared is None:
                continue
            if re.search(rf"\b{acc}\b[^;{{]*{_LIMIT}|{_LIMIT}[^;{{]*\b{acc}\b|__builtin_\w+_overflow", func.body):
                continue
            out.append(_finding("c-accumulate-unchecked", "CWE-190", "medium", _line(text, func.offset + match.start()),
                                f"'{match.group(1)}' accumulates in a loop with no overflow test"))
            break
    return out


def _allocators(text: str) -> set[str]:
    """Functions of the file that hand a parameter to ``malloc``/``realloc`` as the size (``xmalloc(n)``)."""
    names = set()
    for func in functions(text):
        params = "|".join(re.escape(p) for p in func.params)
        if params and re.search(rf"\b(?:malloc\s*\(|realloc\s*\([^,;]*,)\s*(?:{params})\s*\)", func.body):
            names.add(func.name)
    return names


def _all_capped(before: str, size: str, expanded: set[str]) -> bool:
    """Every factor of ``size`` tested against a constant cap (``w > 16384 || h > 16384``, or a short allow-list
    ``bpp != 8 && bpp != 32``): the product cannot overflow."""
    factors = {f for f in re.findall(r"(?<![\w>.])([a-z_]\w*(?:(?:->|\.)\w+)*)", size)
               if f not in expanded and f not in _TYPE_WORDS}
    cap = re.compile(r"\(?\s*(?:\d{2,}\w*|\(?\d+u?\s*<<\s*\d+\)?|[A-Z_][A-Z0-9_]*)\s*\)?")
    return bool(factors) and all(
        any(cap.fullmatch(b) for op, b in upper_bounds(before, f) if op in (">", ">=")) or
        re.search(rf"(?<![\w>.]){re.escape(f)}\s*!=\s*(?:[2-9]|\d{{2,}})", before) for f in factors)


def sum_overflow(text: str) -> list[Finding]:
    """``total = hdr + a + b`` in a 32-bit (or narrower) variable that then sizes an allocation, with a summand
    from the caller or input that nothing tests against a limit first: the sum wraps and the buffer is short."""
    out = []
    for func in functions(text):
        names = tainted(func)
        narrow = set(re.findall(rf"\b{_NARROW}\s+(?:\w+\s*(?:=[^,;]*)?,\s*)*?(\w+)\s*[=;,)]", func.body))
        for match in re.finditer(r"(?<![=!<>+\-*/%&|^])\b(\w+)\s*=\s*([^=;][^;]*\+[^;]*);", func.body):
            total, rhs = match.groups()
            plain = re.sub(r"\b\w+\s*\([^()]*\)", "", rhs)  # string lengths and other calls are not counts
            summands = re.findall(r"(?<![\w>.])([a-z_]\w*(?:(?:->|\.)\w+)*)\b(?!\s*\()", plain)
            after = func.body[match.end():]
            if total not in narrow or not re.search(rf"\b(?:malloc|realloc|alloca|calloc)\s*\([^;]*\b{total}\b",
                                                    after):
                continue
            if not any(root(v) in names for v in summands) or "overflow" in func.body:
                continue
            before = func.body[:match.start()]
            if any(upper_bounds(before, v) for v in summands) or upper_bounds(after, total) or \
                    _all_capped(before, plain, set()):
                continue
            out.append(_finding("c-size-sum-unchecked", "CWE-190", "high", _line(text, func.offset + match.start()),
                                f"'{total}' = {rhs.strip()[:50]} can wrap in 32 bits and then sizes an allocation"))
    return out
