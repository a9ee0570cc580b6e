"""Does the extracted program compile? One compiler process per batch, never one per sample.

JavaScript: a small Node script compiles each file with ``vm.compileFunction`` (the CommonJS wrapper that
``node --check`` uses) and, for ``import``/``export``, as an ES module; nothing is run. C: ``gcc -fsyntax-only
-std=c11`` over all files at once (POSIX declarations on; an undeclared helper is a warning, not an error, since
the prompts name helpers the project provides). Quoted headers a program includes get an empty stand-in;
a system header that is not installed leaves the program unchecked (``ok`` with a note), not ``invalid``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from redline.errors import JudgeError

C_STANDARD = "c11"
C_BASE_FLAGS = ("-std=c11", "-D_DEFAULT_SOURCE", "-Wno-error=implicit-function-declaration")
DEFAULT_TIMEOUT_S = 300.0
_QUOTED_INCLUDE = re.compile(r'^\s*#\s*include\s*"([A-Za-z0-9_./-]{1,80})"', re.MULTILINE)


@dataclass(frozen=True)
class Validity:
    ok: bool
    line: int | None = None
    message: str = ""
    checked: bool = True  # False when the compiler could not check it (a system header missing here)


def node_binary() -> str | None:
    return shutil.which("node")


def gcc_binary() -> str | None:
    return shutil.which("gcc")


def write_sources(root: Path, codes: Sequence[str], suffix: str) -> list[Path]:
    """Each source in its own folder ``s<index>/main<suffix>``, so quoted headers resolve per sample."""
    paths = []
    for index, code in enumerate(codes):
        folder = root / f"s{index:06d}"
        folder.mkdir()
        path = folder / f"main{suffix}"
        path.write_text(code, encoding="utf-8", errors="replace")
        if suffix == ".c":
            for name in set(_QUOTED_INCLUDE.findall(code)):
                header = Path(name).name
                if header and not header.startswith(".") and not (folder / header).exists():
                    (folder / header).write_text("/* stand-in for a project header */\n", encoding="utf-8")
        paths.append(path)
    return paths


def check_js(codes: Sequence[str], *, timeout_s: float = DEFAULT_TIMEOUT_S) -> list[Validity]:
    """Validity of each JavaScript source, from one Node process."""
    if not codes:
        return []
    node = node_binary()
    if node is None:
        raise JudgeError("node is not installed; JavaScript code cannot be checked")
    script = Path(str(files("redline.judges.code.polyglot") / "js_check.cjs"))
    with tempfile.TemporaryDirectory(prefix="redline-jscheck-") as tmp:
        paths = write_sources(Path(tmp), codes, ".js")
        listing = Path(tmp) / "files.json"
        listing.write_text(json.dumps([str(p) for p in paths]), encoding="utf-8")
        try:
            proc = subprocess.run([node, "--experimental-vm-modules", "--no-warnings", str(script), str(listing)],
                                  capture_output=True, timeout=timeout_s, check=False, cwd=tmp)
        except subprocess.TimeoutExpired:
            raise JudgeError(f"node syntax check timed out after {timeout_s:.0f} s") from None
        try:
            rows = json.loads(proc.stdout.decode("utf-8", "replace"))
        except ValueError:
            tail = proc.stderr.decode("utf-8", "replace")[-300:]
            raise JudgeError(f"node syntax check failed (exit {proc.returncode}): {tail}") from None
    return [Validity(bool(r["ok"]), r.get("line"), str(r.get("note") or r.get("message", ""))[:300]) for r in rows]


def gcc_diagnostics(stderr: bytes) -> list[dict[str, Any]]:
    """GCC's ``-fdiagnostics-format=json`` output: one JSON array per translation unit, concatenated."""
    text = stderr.decode("utf-8", "replace")
    decoder = json.JSONDecoder()
    out: list[dict[str, Any]] = []
    pos = 0
    while True:
        start = text.find("[", pos)
        if start < 0:
            break
        try:
            value, pos = decoder.raw_decode(text, start)
        except ValueError:
            pos = start + 1
            continue
        if isinstance(value, list):
            out.extend(d for d in value if isinstance(d, dict))
    return out


def location(diag: dict[str, Any]) -> tuple[str, int | None]:
    locs = diag.get("locations") or [{}]
    caret = locs[0].get("caret") or {}
    line = caret.get("line")
    return str(caret.get("file", "")), line if isinstance(line, int) else None


def by_sample(diags: list[dict[str, Any]], paths: list[Path]) -> list[list[dict[str, Any]]]:
    index = {str(p): k for k, p in enumerate(paths)}
    index.update({str(p.relative_to(p.parents[1])): k for k, p in enumerate(paths)})
    out: list[list[dict[str, Any]]] = [[] for _ in paths]
    for diag in diags:
        file, _ = location(diag)
        k = index.get(file)
        if k is None:
            match = re.search(r"s(\d{6})/", file)
            k = int(match.group(1)) if match else None
        if k is not None and k < len(out):
            out[k].append(diag)
    return out


def check_c(codes: Sequence[str], *, timeout_s: float = DEFAULT_TIMEOUT_S) -> list[Validity]:
    """Validity of each C source, from one ``gcc -fsyntax-only -std=c11`` process."""
    if not codes:
        return []
    gcc = gcc_binary()
    if gcc is None:
        raise JudgeError("gcc is not installed; C code cannot be checked")
    with tempfile.TemporaryDirectory(prefix="redline-ccheck-") as tmp:
        paths = write_sources(Path(tmp), codes, ".c")
        cmd = [gcc, "-fsyntax-only", *C_BASE_FLAGS, "-w", "-fdiagnostics-format=json",
               *(str(p.relative_to(tmp)) for p in paths)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False, cwd=tmp)
        except subprocess.TimeoutExpired:
            raise JudgeError(f"gcc syntax check timed out after {timeout_s:.0f} s") from None
        per = by_sample(gcc_diagnostics(proc.stderr), paths)
    return [c_validity(diags) for diags in per]


def c_validity(diags: list[dict[str, Any]]) -> Validity:
    """A C file's validity from its GCC diagnostics: an error makes it invalid, a missing system header unchecked."""
    errors = [d for d in diags if d.get("kind") in ("error", "fatal error")]
    if not errors:
        return Validity(True)
    first = errors[0]
    message = str(first.get("message", ""))[:300]
    if first.get("kind") == "fatal error" and "No such file" in message:
        return Validity(True, location(first)[1], message, checked=False)
    return Validity(False, location(first)[1], message)


def check(codes: Sequence[str], language: str, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> list[Validity]:
    if language == "javascript":
        return check_js(codes, timeout_s=timeout_s)
    if language == "c":
        return check_c(codes, timeout_s=timeout_s)
    raise ValueError(f"no validity check for {language!r}")
