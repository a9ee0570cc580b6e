"""What the C checks need to know about a function's text: its parts, the size of a buffer, where a value comes
from, and which comparisons bound it before a given point (the guard a fixed twin adds)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redline.judges.code.polyglot.checks_web import balanced, strip_comments
from redline.records import Finding

TOOL = "redline-poly"
_MACRO = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)\(([^)]*)\)[ \t]+(.+)$", re.MULTILINE)
_FUNC = re.compile(r"^[A-Za-z_][\w \t\*]*?\b(\w+)\s*\(((?:[^;{}()]|\([^;{}()]*\))*)\)\s*\{", re.MULTILINE)
_SIZE = r"([A-Z_][A-Z0-9_]*(?:\s*[+-]\s*\d+)?|\d+)"
# Calls whose result comes from outside the program (or decodes bytes that do).
_SOURCES = (r"\b(?:atoi|atol|strto\w+|fgetc|getc|getchar|ntoh[sl]|be\d+|le\d+|\w*get_[us]?\d+\w*|\w*_to_cpu\w*|"
            r"read_\w+|recv\w*|strlen)\s*\(")
_FILLERS = r"\b(?:copy_from_user|get_user|memcpy|read|fread|recv|recvfrom|sscanf|fscanf|scanf)\s*\("
_SIGNED = r"(?<!unsigned )\b(?:int|long|short|ssize_t|off_t|int8_t|int16_t|int32_t|int64_t|s8|s16|s32|s64)"
_CMP = r"(<=|>=|(?<![<-])<(?![<=])|(?<![>-])>(?![>=]))"


@dataclass(frozen=True)
class Func:
    name: str
    params: tuple[str, ...]
    body: str
    offset: int  # position of the body in the cleaned source


def clean(code: str) -> str:
    """Comments blanked (line numbers kept) and function-like macros expanded once."""
    text = strip_comments(code)
    for name, params, body in _MACRO.findall(text):
        names = [p.strip() for p in params.split(",") if p.strip()]

        def expand(match: re.Match[str], names: list[str] = names, body: str = body) -> str:
            args = [a.strip() for a in match.group(1).split(",")]
            out = body
            for param, arg in zip(names, args, strict=False):
                out = re.sub(rf"\b{re.escape(param)}\b", arg, out)
            return out
        text = re.sub(rf"(?<!define )\b{name}\(([^()]*)\)", expand, text)
    return text


def functions(text: str) -> tuple[Func, ...]:
    """The function definitions of ``text`` (kept for the last few texts: every check walks them)."""
    return _functions(text)


@lru_cache(maxsize=8)
def _functions(text: str) -> tuple[Func, ...]:
    out = []
    for match in _FUNC.finditer(text):
        if match.group(1) in ("if", "for", "while", "switch", "return", "sizeof"):
            continue
        body = balanced(text, match.end() - 1)
        params = tuple(m.group(1) for m in re.finditer(r"(\w+)\s*(?:\[\s*\w*\s*\])?\s*(?:,|$)", match.group(2)))
        out.append(Func(match.group(1), params, body, match.end() - 1))
    return tuple(out)


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def finding(rule: str, cwe: str, severity: str, line: int, message: str) -> Finding:
    return Finding(tool=TOOL, rule=rule, cwe=cwe, severity=severity, line=line, message=message)


def const_size(func: Func, text: str, dest: str) -> str | None:
    """The constant (macro, ``MACRO + 1`` or number) that sizes ``dest``: ``char d[K]``, ``d = malloc(K)``, or, for
    ``p->d`` / ``s.d``, a struct member ``d[K]`` declared in the file."""
    member = re.search(r"(?:->|\.)(\w+)$", dest)
    if member:
        found = re.search(rf"(?:^|[;{{])\s*(?:(?:const|unsigned|signed|struct|volatile)\s+)*\w+[\s*]+"
                          rf"{member.group(1)}\s*\[\s*{_SIZE}\s*\]\s*;", text, re.MULTILINE)
        return found.group(1) if found else None
    d = re.escape(dest)
    declared = re.compile(rf"(?:^|[;{{(,])\s*(?:(?:const|static|unsigned|signed|struct)\s+)*\w+\s+{d}\s*\[\s*"
                          rf"{_SIZE}\s*\]", re.MULTILINE)
    found = declared.search(func.body) or re.search(
        rf"\b{d}\s*=\s*(?:\([^()]*\)\s*)?malloc\s*\(\s*{_SIZE}\s*\)", func.body)
    if found is None and not re.search(rf"\b{d}\s*[=;,)]|\*\s*{d}\b", func.body.split("{", 1)[0]):
        found = declared.search(text)  # a global array (unless a parameter of this function shadows it)
    return found.group(1) if found else None


@lru_cache(maxsize=64)
def tainted(func: Func) -> frozenset[str]:
    """Names whose value comes from the caller or from input: parameters, locals filled by a read
    (``copy_from_user(&req, ...)``), and locals assigned from an expression over those or from a decoding call."""
    names = set(func.params)
    for match in re.finditer(_FILLERS + r"\s*&?\s*(\w+)", func.body):
        names.add(match.group(1))
    for match in re.finditer(r"\b(?:sscanf|fscanf|scanf)\s*\(([^;]*)\)\s*[;!=<>)]", func.body):
        names.update(re.findall(r"&\s*(\w+)", match.group(1)))
    assigns = re.findall(r"\b(\w+)\s*=(?!=)\s*([^;]*);", func.body)
    for _ in range(2):
        for var, rhs in assigns:
            if var not in names and (re.search(_SOURCES, rhs) or any(
                    re.search(rf"\b{re.escape(n)}\b", rhs) for n in names)):
                names.add(var)
    return frozenset(names)


def signed_names(func: Func, text: str) -> frozenset[str]:
    """Parameters and locals of ``func`` declared with a signed integer type."""
    head = text[max(0, func.offset - 600):func.offset]
    sig = head[head.rfind(func.name + "("):] if func.name + "(" in head else ""
    decl = rf"{_SIGNED}\s+(?:\w+\s*(?:=[^,;]*)?,\s*)*?(\w+)\s*[=;,)\[]"
    return frozenset(re.findall(decl, func.body)) | frozenset(re.findall(rf"{_SIGNED}\s+(\w+)\s*[,)]", sig))


def root(expr: str) -> str:
    return re.split(r"->|\.", expr, maxsplit=1)[0]


def comparisons(text: str, expr: str) -> list[tuple[str, str]]:
    """``(op, bound)`` for each comparison of ``expr`` itself (not ``expr + 1``) in ``text``, written as
    ``expr op bound`` (``bound > expr`` becomes ``expr < bound``)."""
    e = re.escape(expr)
    stop = r"([^;&|?{}]*?)\s*(?=&&|\|\||\)\s*(?:[{;\w!*]|$)|\?|;|$)"
    out = []
    for match in re.finditer(rf"(?<![\w>.])(?:\(\s*(?:size_t|unsigned|u\w+)\s*\)\s*)?{e}(?![\w\[(])\s*{_CMP}\s*"
                             rf"{stop}", text, re.MULTILINE):
        out.append((match.group(1), match.group(2).strip()))
    flip = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}
    for match in re.finditer(rf"([\w)\]]+(?:\s*[-+*/]\s*[\w()]+)*)\s*{_CMP}\s*{e}(?![\w\[(.]|->|\s*[-+*/])",
                             text):
        out.append((flip[match.group(2)], match.group(1).strip()))
    return out


def upper_bounds(text: str, expr: str) -> list[tuple[str, str]]:
    """The comparisons of ``expr`` that can bound it from above (not ``x > 0`` or ``x >= 1``)."""
    return [(op, b) for op, b in comparisons(text, expr) if not re.fullmatch(r"\(?\s*-?[01]\s*\)?", b)]


def lower_bounded(text: str, expr: str) -> bool:
    """A test that rejects negative values: ``x < 0``, ``x <= 0``, ``x >= 0``, or a comparison made unsigned."""
    e = re.escape(expr)
    if re.search(rf"\(\s*(?:size_t|unsigned\w*|u\w+)\s*\)\s*{e}\b\s*{_CMP}", text):
        return True
    return any(re.fullmatch(r"\(?\s*-?[01]\s*\)?", b) for _, b in comparisons(text, expr))
