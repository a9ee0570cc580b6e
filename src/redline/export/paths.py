"""Where an export may write: one fresh (or empty) directory, never inside the run, never through a symlink."""

from __future__ import annotations

import re
from pathlib import Path

from redline.errors import InputError


def prepare_out(out: str | Path, run_path: Path) -> Path:
    """Create or accept ``out`` (an empty directory) and return it resolved."""
    raw = Path(out)
    if raw.is_symlink():
        raise InputError(f"--out: {raw} is a symbolic link; give a real directory")
    target = raw.resolve()
    run = run_path.resolve()
    if target == run or run in target.parents:
        raise InputError(f"--out: {raw} is inside the run directory; exports never write into a run")
    if target.exists():
        if not target.is_dir():
            raise InputError(f"--out: {raw} exists and is not a directory")
        if any(target.iterdir()):
            raise InputError(f"--out: {raw} is not empty; choose a new or empty directory")
    target.mkdir(parents=True, exist_ok=True)
    return target


def inside(out: Path, *parts: str) -> Path:
    """A path under ``out`` from fixed names; refuses anything that would leave it."""
    path = out.joinpath(*parts).resolve()
    if out not in path.parents:
        raise InputError(f"refusing to write {path}: outside {out}")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe version of an id (letters, digits, '.', '_', '-')."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")[:limit] or "run"
