"""C checks that look for the missing guard, function by function, on the source text.

A vulnerable C function and its fixed twin usually differ by one guard: a NULL test after a lookup, a length test
before a copy, a limit test before size arithmetic, a metacharacter filter before ``system``. Each check here
finds the risky operation and reports it only when no such guard is in the same function, so that the fixed twin
stays quiet. Function-like macros are expanded and comments removed first.
"""

from __future__ import annotations

import re

from redline.judges.code.polyglot.c_bounds import BOUNDS_CHECKS
from redline.judges.code.polyglot.c_sizes import size_overflow, sum_overflow
from redline.judges.code.polyglot.c_text import (
    TOOL,
    Func,
    clean,
    const_size,
    finding,
    functions,
    line_of,
)
from redline.judges.code.polyglot.checks_web import balanced
from redline.records import Finding

__all__ = ["TOOL", "Func", "clean", "functions", "run_c_checks", "size_overflow", "sum_overflow"]

_NULLABLE = ("getenv|malloc|calloc|realloc|strdup|strndup|fopen|fdopen|strchr|strrchr|strstr|strtok|realpath|"
             "opendir|readdir|localtime|gmtime|getpwnam|getpwuid|memchr|tmpfile|popen")
_ALLOC = {"malloc", "calloc", "realloc", "strdup", "strndup"}
_line = line_of
_finding = finding


def _null_checked(var: str, text: str) -> bool:
    v = re.escape(var)
    return bool(re.search(rf"\b{v}\s*[!=]=\s*(NULL|0)\b|\b(NULL|0)\s*[!=]=\s*{v}\b|!\s*{v}\b|\(\s*{v}\s*\)\s*[{{\w]|"
                          rf"\bif\s*\(\s*{v}\s*(&&|\|\||\))|assert\s*\(\s*{v}", text))


def _used(var: str, text: str) -> re.Match[str] | None:
    v = re.escape(var)
    return re.search(rf"\b{v}\s*(->|\[)|(?:^|[=(;{{}}!&|+\-])\s*\*\s*{v}\b|\b\w+\s*\(\s*(?:[^;()]*,\s*)?{v}\s*[,)]",
                     text, re.MULTILINE)


def null_unchecked(text: str) -> list[Finding]:
    """A pointer from a call that can return NULL (a library lookup, or a function here that returns NULL) is
    dereferenced or passed on before any NULL test. Unchecked allocations are reported low (rarely the asked bug)."""
    own = {f.name for f in functions(text) if re.search(r"\breturn\s+(NULL|0)\s*;", f.body)
           and re.search(r"\*\s*" + re.escape(f.name) + r"\s*\(|\*\s+" + re.escape(f.name) + r"\s*\(", text)}
    own |= set(re.findall(r"\*\s*(\w*(?:lookup|find|search|locate)\w*)\s*\([^;{)]*\)\s*[;{]", text))  # finders
    callees = "|".join([_NULLABLE, *sorted(own)])
    out = []
    for func in functions(text):
        for match in re.finditer(rf"(?:\b(\w+)\s*=\s*(?:\([^()]*\)\s*)?)\b({callees})\s*\(", func.body):
            var, callee = match.group(1), match.group(2)
            if callee == func.name:
                continue
            call_end = match.start(2) + len(balanced(func.body, match.end() - 1)) + len(callee)
            rest = func.body[call_end:]
            line_start = func.body.rfind("\n", 0, match.start()) + 1
            if re.match(r"\s*\)\s*(?:[!=]=|\))", rest) or re.search(r"\bfor\s*\(", func.body[line_start:match.start()]):
                continue  # tested where it is assigned: if ((p = f(x)) != NULL), or a loop header that tests it
            use = _used(var, rest)
            if use is None or _null_checked(var, rest[:use.start()]):
                continue
            alloc = callee in _ALLOC
            out.append(_finding("c-null-unchecked", "CWE-690" if alloc else "CWE-476", "low" if alloc else "high",
                                _line(text, func.offset + call_end + use.start()),
                                f"'{var}' from {callee}() may be NULL and is used without a NULL test"))
    return out


def _inputs(func: Func) -> set[str]:
    names = set(func.params)
    for match in re.finditer(r"\b(\w+)\s*=\s*(?:\([^()]*\)\s*)?(getenv|fgets|gets|readline|strdup)\s*\(", func.body):
        names.add(match.group(1))
    for match in re.finditer(r"\b(?:fgets|gets|scanf|fscanf|read|recv)\s*\(\s*(?:[^,;]*,\s*)?(\w+)", func.body):
        names.add(match.group(1))
    return names


def _joined_from(func: Func, dest: str, inputs: set[str]) -> bool:
    """Is ``dest`` built from one of ``inputs`` (strcat/strcpy/sprintf/snprintf/memcpy into it)?"""
    d = re.escape(dest)
    for match in re.finditer(rf"\b(strn?cat|strn?cpy|s?n?printf|memcpy|stpcpy)\s*\(\s*{d}\s*,([^;]*)\)\s*;", func.body):
        if any(re.search(rf"\b{re.escape(n)}\b", match.group(2)) for n in inputs):
            return True
    return False


_PATH_GUARD = re.compile(r"\"\.\.\"|'\.'[^;]*'\.'|\[\s*\w+\s*\+\s*1\s*\]\s*==\s*'\.'|strstr\s*\([^;]*\.\.|"
                         r"basename\s*\(|realpath\s*\([^;]*;[\s\S]*str(n)?cmp|strpbrk\s*\(|strchr\s*\([^;]*'/'|"
                         r"strchr\s*\(\s*\w*(allow|valid|safe|ok)\w*\s*,|isalnum\s*\(|strspn\s*\(|strcspn\s*\(|==\s*'/'|O_NOFOLLOW")


def path_unchecked(text: str) -> list[Finding]:
    """A path built from an input name is opened with no test for '..', '/', an allow-list or a resolved prefix."""
    out = []
    for func in functions(text):
        for match in re.finditer(r"\b(fopen|open|openat|creat|opendir|stat|lstat|access|remove|unlink)\s*\(\s*"
                                 r"(?:\w+\s*,\s*)?(\w+)", func.body):
            target, inputs = match.group(2), _inputs(func)
            read = inputs - set(func.params)
            if not (target in read or _joined_from(func, target, inputs)) or _PATH_GUARD.search(text):
                continue
            out.append(_finding("c-path-unchecked-input", "CWE-22", "high", _line(text, func.offset + match.start()),
                                f"'{target}' is built from input and opened without rejecting '..' or '/'"))
            break
    return out


_SHELL_GUARD = re.compile(r"'[;|&$`]'|\"[^\"]*[;|&`$][^\"]*\"\s*\)|strpbrk\s*\(|strcspn\s*\(|isalnum\s*\(|"
                          r"isalpha\s*\(|strspn\s*\(|escape|quote")


def shell_unfiltered(text: str) -> list[Finding]:
    """``system``/``popen`` runs a command line that an input was joined into, with no metacharacter filter."""
    out = []
    for func in functions(text):
        for match in re.finditer(r"\b(system|popen)\s*\(\s*(\w+)\s*[,)]", func.body):
            cmd, inputs = match.group(2), _inputs(func)
            if not (cmd in inputs or _joined_from(func, cmd, inputs)) or _SHELL_GUARD.search(text):
                continue
            out.append(_finding("c-shell-unfiltered-input", "CWE-78", "high", _line(text, func.offset + match.start()),
                                f"{match.group(1)}() runs '{cmd}', built from input with no filter of ; | & $ `"))
    return out


_const_size = const_size


def _value(text: str, size: str) -> int | None:
    """A size expression (``NAME``, ``NAME + 1``, ``64``) as a number, from the file's ``#define``s."""
    expr = size
    for name in re.findall(r"[A-Z_][A-Z0-9_]*", size):
        found = re.search(rf"^[ \t]*#[ \t]*define[ \t]+{name}[ \t]+\(?(\d+)[uUlL]*\)?[ \t]*$", text, re.MULTILINE)
        if found is None:
            return None
        expr = re.sub(rf"\b{name}\b", found.group(1), expr)
    terms = re.fullmatch(r"\s*(\d+)\s*(?:([+-])\s*(\d+))?\s*", expr)
    if terms is None:
        return None
    base = int(terms.group(1))
    return base + (int(terms.group(3)) if terms.group(2) == "+" else -int(terms.group(3))) if terms.group(2) else base


def _fits(text: str, src_size: str, dest_size: str) -> bool:
    src, dest = _value(text, src_size), _value(text, dest_size)
    return src is not None and dest is not None and src <= dest


def copy_unbounded(text: str) -> list[Finding]:
    """A string copied into a buffer of constant size when nothing in the function compares a length with that
    size (or with ``sizeof`` the buffer)."""
    out = []
    for func in functions(text):
        for match in re.finditer(r"\b(strcpy|strcat|sprintf)\s*\(\s*(\w+)\s*,\s*([^;]*)\)\s*;", func.body):
            dest, src = match.group(2), match.group(3).strip()
            if src.startswith('"') and match.group(1) != "sprintf":
                continue
            size = _const_size(func, text, dest)
            if size is None:
                continue
            src_size = _const_size(func, text, src) if re.fullmatch(r"\w+", src) else None
            if src_size is not None and _fits(text, src_size, size):
                continue  # the source is itself a buffer no larger than the destination
            k = re.escape(size)
            guard = re.search(rf"[<>]=?\s*\(?\s*{k}\b|\b{k}\b\s*(-\s*\w+\s*)?\)?\s*[<>]=?|"
                              rf"sizeof\s*\(?\s*{re.escape(dest)}", func.body.replace(match.group(0), ""))
            if guard:
                continue
            out.append(_finding("c-copy-exceeds-buffer", "CWE-787", "high", _line(text, func.offset + match.start()),
                                f"{match.group(1)} into '{dest}' ({size} bytes) with no length test against {size}"))
    return out


def expansion_overflow(text: str) -> list[Finding]:
    """An encoder allocates ``k * n`` bytes but one input character can write more than ``k`` (``&amp;`` is 5)."""
    out = []
    for func in functions(text):
        for match in re.finditer(r"\b(\w+)\s*=\s*(?:\([^()]*\)\s*)?malloc\s*\(", func.body):
            args = balanced(func.body, match.end() - 1)
            factors = [int(n) for n in re.findall(r"\b(\d+)\s*\*", args)]
            if not factors:
                continue
            dest = re.escape(match.group(1))
            runs = re.findall(rf"(?:\b{dest}\s*\[\s*\w+\s*\+\+\s*\]\s*=[^;]*;\s*)+", func.body)
            widest = max((len(re.findall(rf"\b{dest}\s*\[", run)) for run in runs), default=0)
            if widest > max(factors):
                out.append(_finding("c-expansion-exceeds-buffer", "CWE-787", "high",
                                    _line(text, func.offset + match.start()),
                                    f"'{match.group(1)}' holds {max(factors)} bytes per input character but one "
                                    f"character writes {widest}"))
    return out


def _block_rest(body: str, pos: int) -> str:
    """From ``pos`` to the end of the innermost block around it."""
    depth = 0
    for k in range(pos, len(body)):
        if body[k] == "{":
            depth += 1
        elif body[k] == "}":
            if depth == 0:
                return body[pos:k]
            depth -= 1
    return body[pos:]


def use_after_free(text: str) -> list[Finding]:
    """A pointer used (or freed again) after ``free`` on a path that neither ends nor assigns it first; a ``goto``
    after the free continues at its label (the error path that frees again)."""
    out = []
    releasers = _releasers(text)
    calls = "|".join(["free", *sorted(releasers)])
    for func in functions(text):
        for match in re.finditer(rf"\b({calls})\s*\(\s*(\w+(?:->\w+)*)\s*\)\s*;", func.body):
            if match.group(1) == func.name:
                continue
            var = re.escape(match.group(2))
            block = _block_rest(func.body, match.end())
            after = func.body[match.end() + len(block) + 1:]
            other = re.match(r"\s*else\b\s*", after)
            if other:  # the else branch runs instead of this one, not after it
                tail = after[other.end():]
                skip = balanced(tail, 0) if tail.startswith("{") else tail.split(";", 1)[0] + ";"
                after = tail[len(skip):]
            rest, base = block + after, match.end()
            jump = re.search(r"\bgoto\s+(\w+)\s*;", block)
            label = jump and re.search(rf"^\s*{jump.group(1)}\s*:(?!:)", func.body, re.MULTILINE)
            if jump and label and not re.search(rf"\b{var}(?!\w)", block[:jump.start()]):
                rest, base = func.body[label.end():], label.end()
            elif re.search(r"\b(return|exit|goto|break|continue|abort)\b", block) and not re.search(
                    rf"\b{var}\b", block.split("return")[0]):
                continue
            assign = re.search(rf"\b{var}\s*=[^=]", rest)
            use = re.search(rf"\bfree\s*\(\s*{var}\s*\)|\b{var}\s*(->|\[)|\*\s*{var}(?!\w)|\breturn\s+{var}\s*;|"
                            rf"\b\w+\s*\(\s*(?:[^;()]*,\s*)?{var}\s*[,)]", rest)
            if use is None or (assign is not None and assign.start() < use.start()):
                continue
            double = bool(re.match(rf"(?:{calls})\s*\(", use.group(0)))
            out.append(_finding("c-double-free" if double else "c-use-after-free", "CWE-415" if double else "CWE-416",
                                "high", _line(text, func.offset + base + use.start()),
                                f"'{match.group(2)}' is {'freed again' if double else 'used'} after "
                                f"{match.group(1)}()"))
        out.extend(_loop_step_after_free(text, func))
    return out


def _releasers(text: str) -> set[str]:
    """Functions of the file that free their only or first pointer parameter (``conn_destroy(c)``)."""
    names = set()
    for func in functions(text):
        if func.params and re.search(rf"\bfree\s*\(\s*{re.escape(func.params[0])}\s*\)", func.body) and not \
                re.search(rf"\b{re.escape(func.params[0])}\s*=[^=]", func.body):
            names.add(func.name)
    return names


def _loop_step_after_free(text: str, func: Func) -> list[Finding]:
    """``for (p = head; p; p = p->next) { ... free(p); }``: the loop's step reads the node just freed."""
    out = []
    for loop in re.finditer(r"\bfor\s*\(([^;]*);([^;]*);([^)]*(?:\([^)]*\)[^)]*)*)\)\s*\{", func.body):
        body = balanced(func.body, loop.end() - 1)
        for var in set(re.findall(r"\b(\w+)\s*(?:->|\[)", loop.group(3))):
            v = re.escape(var)
            freed = re.search(rf"\bfree\s*\(\s*{v}\s*\)\s*;", body)
            if freed is None:
                continue
            tail = _block_rest(body[1:], freed.end() - 1)
            if re.search(rf"\b(return|goto|break|exit|abort)\b|\b{v}\s*=[^=]", tail):
                continue
            out.append(_finding("c-use-after-free", "CWE-416", "high",
                                _line(text, func.offset + loop.start()),
                                f"the loop step '{loop.group(3).strip()[:40]}' reads '{var}' after free({var})"))
    return out


def index_unchecked(text: str) -> list[Finding]:
    """A constant-size array indexed by a parameter that nothing in the function compares with a bound."""
    out = []
    for func in functions(text):
        for match in re.finditer(r"\b(\w+)\s*\[\s*(\w+)\s*\](\s*(?:=[^=]|\+=|-=))?", func.body):
            array, index, write = match.group(1), match.group(2), bool(match.group(3))
            if index not in func.params or array in func.params or _const_size(func, text, array) is None:
                continue
            i = re.escape(index)
            if re.search(rf"\b{i}\b\s*[<>]=?|[<>]=?\s*\(?\s*{i}\b|\b{i}\s*%", func.body):
                continue
            out.append(_finding("c-index-unchecked", "CWE-787" if write else "CWE-125", "high",
                                _line(text, func.offset + match.start()),
                                f"'{array}[{index}]' is {'written' if write else 'read'} with an index from the caller "
                                "and no bounds test"))
            break
    return out


def guarded_copy_lines(text: str) -> set[int]:
    """Lines of copies into a constant-size buffer that the function does guard (to quiet a pattern rule there)."""
    flagged = {f.line for f in copy_unbounded(text)}
    lines = set()
    for func in functions(text):
        for match in re.finditer(r"\b(strcpy|strcat|sprintf)\s*\(\s*(\w+)\s*,", func.body):
            line = _line(text, func.offset + match.start())
            sized = _const_size(func, text, match.group(2)) is not None
            by_strlen = re.search(rf"\b{re.escape(match.group(2))}\s*=\s*(?:\([^()]*\)\s*)?malloc\s*\([^;]*strlen",
                                  func.body)
            if (sized or by_strlen) and line not in flagged:
                lines.add(line)
    return lines


def guarded_lines(text: str) -> dict[str, set[int]]:
    """Per pattern rule, the lines where these checks see the guard that rule cannot: a length test before a copy,
    a metacharacter filter before ``system``, a limit test before a multiplied allocation size."""
    shell_flagged = {f.line for f in shell_unfiltered(text)}
    alloc_flagged = {f.line for f in size_overflow(text) if f.rule == "c-alloc-size-unchecked"}
    shell, alloc = set(), set()
    for func in functions(text):
        for match in re.finditer(r"\b(system|popen)\s*\(", func.body):
            line = _line(text, func.offset + match.start())
            if _SHELL_GUARD.search(text) and line not in shell_flagged:
                shell.add(line)
        for match in re.finditer(r"\b(malloc|realloc)\s*\(", func.body):
            line = _line(text, func.offset + match.start())
            if line not in alloc_flagged:
                alloc.add(line)
    return {"redline-c-unbounded-copy": guarded_copy_lines(text), "redline-c-shell-command": shell,
            "redline-c-alloc-size-multiply": alloc}


C_CHECKS = (null_unchecked, path_unchecked, shell_unfiltered, size_overflow, copy_unbounded, expansion_overflow,
            use_after_free, index_unchecked, sum_overflow, *BOUNDS_CHECKS)


def run_c_checks(code: str) -> list[Finding]:
    text = clean(code)
    return [f for check in C_CHECKS for f in check(text)]
