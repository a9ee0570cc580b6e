"""Find the Python program in a model answer, or decide there is none (``no_code``) or it is broken (``invalid``).

Answers come as fenced blocks (one or several files of one program), as bare code, or as a scaffold plus a
base model's continuation. The result is the code to analyse and its syntax tree. Code is only ever parsed.
"""

from __future__ import annotations

import ast
import re
import textwrap
import warnings
from dataclasses import dataclass, field

MAX_ANSWER_CHARS = 1_000_000  # longer answers are cut here before looking for code
MAX_CODE_CHARS = 200_000  # longer programs are cut at a line end, then trimmed until they parse
MAX_TRIM_STEPS = 400

PYTHON_LANGS = frozenset({"python", "py", "python3", "py3", "ipython", "ipython3", "pycon", "sage", "flask",
                          "django", "fastapi"})
TEMPLATE_LANGS = frozenset({"html", "htm", "jinja", "jinja2", "j2", "django", "html+jinja", "html+django",
                            "xml+jinja", "htmldjango"})
END_MARKERS = ("<|endoftext|>", "<eos>", "<end_of_turn>", "<|im_end|>", "</s>", "<|end|>", "<|eot_id|>")

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([^\s`{]*)")
_MAGIC = re.compile(r"^\s*[!%]")
_CODE_SIGNAL = re.compile(r"^\s*(def |class |import |from \S+ import |async def |@\w|if __name__)", re.MULTILINE)
_CODE_LINE = re.compile(
    r"""^(\s*(def |class |import |from \S+ import |async def |@\w|if |elif |else:|for |while |with |try:|except|finally:
    |return\b|raise\b|yield\b|pass\b|break\b|continue\b|print\(|assert |global |del |\#)
    |\s*[A-Za-z_][\w.]*(\[[^\]]*\])?\s*(=|\+=|-=|:)[^=]
    |\s*[A-Za-z_][\w.]*\(.*[)(,\[{]\s*$
    |\s*[)\]}],?\s*$
    |\s+\S)""",
    re.VERBOSE,
)
_COUNTER_EXAMPLE = re.compile(
    r"(insecure|vulnerable|unsafe|bad example|bad practice|don'?t do|do not do|never do|anti-?pattern|wrong way|"
    r"❌|不安全|错误示例|不要这样)", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    lang: str
    text: str
    start_line: int  # 1-based line of the block's first code line in the answer
    terminated: bool
    before: str  # up to 300 characters of prose before the block


@dataclass(frozen=True)
class Extraction:
    """``status`` is ``ok`` (``tree`` set), ``no_code`` or ``invalid`` (``code`` holds the broken candidate)."""

    status: str
    code: str = ""
    tree: ast.Module | None = None
    blocks: int = 0
    trimmed_lines: int = 0
    templates: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def parse_python(code: str) -> ast.Module | None:
    """The module's tree, or None for anything the parser rejects (syntax, NUL bytes, nesting too deep)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return None


def _syntax_error_line(code: str) -> int | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(code)
    except SyntaxError as exc:
        return exc.lineno
    except (ValueError, RecursionError, MemoryError, OverflowError):
        return None
    return None


def longest_parseable_prefix(code: str, *, keep_chars: int = 0) -> tuple[str, ast.Module | None, int]:
    """Drop trailing lines until the code parses; never cut into the first ``keep_chars`` characters.

    Returns (code, tree, dropped line count); tree is None when no prefix longer than ``keep_chars`` parses.
    Uses the parser's error line to jump back, so a long tail costs a few parses, not one per line.
    """
    lines = code.splitlines(keepends=True)
    n = len(lines)
    floor = code[:keep_chars].count("\n")
    for _ in range(MAX_TRIM_STEPS):
        if n <= floor and keep_chars:
            break
        candidate = "".join(lines[:n])
        tree = parse_python(candidate)
        if tree is not None:
            return candidate, tree, len(lines) - n
        if n == 0:
            break
        err = _syntax_error_line(candidate)
        n = min(n - 1, err - 1) if err and err >= 1 else n - 1
        while n > 0 and not lines[n - 1].strip():
            n -= 1
    return code, None, 0


def split_fences(text: str) -> tuple[list[Block], str]:
    """Fenced blocks in order, and the prose outside them (fences closed at end of text if cut off)."""
    blocks: list[Block] = []
    prose: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            prose.append(lines[i])
            i += 1
            continue
        fence, lang = match.group(1), match.group(2).lower().strip(".:")
        body: list[str] = []
        j = i + 1
        terminated = False
        while j < len(lines):
            stripped = lines[j].strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                terminated = True
                break
            body.append(lines[j])
            j += 1
        before = "\n".join(prose[-4:])[-300:]
        blocks.append(Block(lang=lang, text="\n".join(body) + "\n", start_line=i + 2, terminated=terminated,
                            before=before))
        prose.append("")
        i = j + 1
    return blocks, "\n".join(prose)


def _clean_block(text: str) -> str:
    """Dedent, drop notebook magics and REPL prompts so a pasted session still parses."""
    lines = [ln for ln in text.splitlines() if not _MAGIC.match(ln)]
    if any(ln.lstrip().startswith(">>> ") for ln in lines):
        kept = []
        for ln in lines:
            s = ln.lstrip()
            if s.startswith(">>> ") or s.startswith("... "):
                kept.append(s[4:])
            elif s in (">>>", "..."):
                kept.append("")
        lines = kept
    return textwrap.dedent("\n".join(lines)).strip("\n") + "\n"


def _looks_like_code(tree: ast.Module) -> bool:
    """A tree that is more than a bare word or sentence-like expression."""
    meaningful = [n for n in tree.body if not (isinstance(n, ast.Expr) and isinstance(n.value, (ast.Constant,
                                                                                              ast.Name)))]
    return bool(meaningful)


def _top_names(tree: ast.Module) -> set[str]:
    return {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


def _drop_redefined(code: str, tree: ast.Module, later: set[str]) -> str:
    """Remove top-level defs that a later block defines again: as in Python, the last definition wins."""
    lines = code.splitlines(keepends=True)
    drop: set[int] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in later:
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            drop.update(range(first - 1, (node.end_lineno or node.lineno)))
    return "".join(ln for k, ln in enumerate(lines) if k not in drop)


@dataclass
class _Part:
    code: str
    tree: ast.Module


def _join_parts(parts: list[_Part]) -> tuple[str, ast.Module | None]:
    """One program from several blocks (models.py + app.py), later definitions replacing earlier ones."""
    pieces: list[str] = []
    for k, part in enumerate(parts):
        later: set[str] = set()
        for other in parts[k + 1:]:
            later |= _top_names(other.tree)
        pieces.append(_drop_redefined(part.code, part.tree, later) if later else part.code)
    joined = "\n\n".join(p.rstrip("\n") for p in pieces if p.strip()) + "\n"
    return joined, parse_python(joined)


def _cap(code: str) -> str:
    if len(code) <= MAX_CODE_CHARS:
        return code
    cut = code.rfind("\n", 0, MAX_CODE_CHARS)
    return code[: cut + 1 if cut > 0 else MAX_CODE_CHARS]


def _from_blocks(blocks: list[Block]) -> Extraction | None:
    templates = tuple(b.text for b in blocks if b.lang in TEMPLATE_LANGS)
    candidates: list[Block] = []
    for b in blocks:
        if b.lang in PYTHON_LANGS:
            candidates.append(b)
        elif not b.lang and _CODE_SIGNAL.search(b.text):
            candidates.append(b)
        elif not b.lang:
            tree = parse_python(_clean_block(b.text))
            if tree is not None and _looks_like_code(tree) and ("=" in b.text or "(" in b.text):
                candidates.append(b)
    if not candidates:
        return None
    parts: list[_Part] = []
    broken: list[tuple[Block, str]] = []
    notes: list[str] = []
    trimmed = 0
    for k, b in enumerate(candidates):
        code = _cap(_clean_block(b.text))
        tree = parse_python(code)
        if tree is None and not b.terminated:
            code, tree, trimmed = longest_parseable_prefix(code)
            if tree is not None:
                notes.append(f"cut-off block trimmed by {trimmed} lines")
        if tree is None:
            broken.append((b, code))
            continue
        is_last = k == len(candidates) - 1
        if not is_last and len(candidates) > 1 and _COUNTER_EXAMPLE.search(b.before):
            notes.append(f"skipped a block introduced as a counter-example (answer line {b.start_line})")
            continue
        parts.append(_Part(code, tree))
    good_lines = sum(p.code.count("\n") for p in parts)
    bad_lines = sum(code.count("\n") for _, code in broken)
    if not parts or bad_lines > good_lines:
        worst = max(broken, key=lambda bc: len(bc[1]))[1] if broken else ""
        return Extraction(status="invalid", code=worst, blocks=len(candidates), templates=templates,
                          notes=("python block does not parse",))
    if broken:
        notes.append(f"dropped {len(broken)} block(s) that do not parse")
    code, tree = _join_parts(parts)
    if tree is None:  # blocks that parse alone but not together: keep the largest
        largest = max(parts, key=lambda p: len(p.code))
        code, tree = largest.code, largest.tree
        notes.append("blocks do not form one program; kept the largest")
    return Extraction(status="ok", code=code, tree=tree, blocks=len(candidates), trimmed_lines=trimmed,
                      templates=templates, notes=tuple(notes))


def _code_runs(text: str) -> list[str]:
    """Maximal runs of code-looking lines in unfenced text (blank lines inside a run are kept)."""
    runs: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            if current:
                current.append(line)
            continue
        if _CODE_LINE.match(line) or (current and line.startswith((" ", "\t"))):
            current.append(line)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return ["\n".join(r).strip("\n") + "\n" for r in runs if sum(1 for ln in r if ln.strip()) >= 2]


def _from_unfenced(text: str) -> Extraction:
    whole = _cap(_clean_block(text))
    tree = parse_python(whole)
    if tree is not None and _looks_like_code(tree) and _CODE_SIGNAL.search(whole):
        return Extraction(status="ok", code=whole, tree=tree, blocks=1)
    parts: list[_Part] = []
    broken: list[str] = []
    for run in _code_runs(text):
        code = _cap(textwrap.dedent(run))
        tree = parse_python(code)
        if tree is None:
            code, tree, _ = longest_parseable_prefix(code)
        if tree is not None and _CODE_SIGNAL.search(code):
            parts.append(_Part(code, tree))
        elif _CODE_SIGNAL.search(code):
            broken.append(code)
    if parts:
        code, joined = _join_parts(parts)
        if joined is None:
            largest = max(parts, key=lambda p: len(p.code))
            code, joined = largest.code, largest.tree
        return Extraction(status="ok", code=code, tree=joined, blocks=len(parts), notes=("unfenced code",))
    if broken:
        return Extraction(status="invalid", code=max(broken, key=len), blocks=len(broken),
                          notes=("unfenced code does not parse",))
    return Extraction(status="no_code")


def extract_code(answer: str) -> Extraction:
    """The Python program in a chat answer (fenced blocks first, then bare code), or why there is none."""
    text = answer[:MAX_ANSWER_CHARS].replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Extraction(status="no_code")
    blocks, prose = split_fences(text)
    found = _from_blocks(blocks)
    if found is not None:
        return found
    templates = tuple(b.text for b in blocks if b.lang in TEMPLATE_LANGS)
    result = _from_unfenced(prose if blocks else text)
    return Extraction(status=result.status, code=result.code, tree=result.tree, blocks=result.blocks,
                      templates=templates, notes=result.notes) if templates else result
