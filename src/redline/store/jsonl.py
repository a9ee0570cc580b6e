"""Append-only JSONL: one whole line per write, flushed; a torn last line is tolerated and cut on reopen."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

from pydantic import BaseModel, ValidationError

from redline.errors import StoreError
from redline.store.inputs import read_bounded
from redline.text import redact

M = TypeVar("M", bound=BaseModel)


RUN_FILE_CAP = 1 << 40  # run files are ours and may be large; the point is refusing devices and FIFOs


def read_run_file(path: Path) -> bytes:
    """A run file's bytes: a regular file only (a run directory holding a FIFO or a link to ``/dev/zero`` is an
    error naming the file, never a hang or an endless read)."""
    return read_bounded(path, cap=RUN_FILE_CAP, error=StoreError)


def check_regular(path: Path) -> None:
    """A file to append to must be a plain regular file, checked before it is opened: a FIFO would block the
    open, and a planted symbolic link would make the run append to (and cut the torn tail of) its target."""
    if path.is_symlink():
        raise StoreError(f"{path}: a symbolic link; a run writes only its own regular files")
    if path.exists() and not path.is_file():
        raise StoreError(f"{path}: not a regular file")


def repair_tail(path: Path) -> int:
    """Cut a torn (unterminated) last line left by a crash; returns the bytes removed."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return 0
        # walk back to the last newline
        pos = size - 1
        block = 4096
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx >= 0:
                keep = start + idx + 1
                fh.truncate(keep)
                return size - keep
            pos = start
        fh.truncate(0)
        return size


class JsonlWriter:
    """Appends records to a JSONL file, one flushed line each. Repairs a torn tail on open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        check_regular(path)
        repair_tail(path)
        self._fh: IO[str] = path.open("a", encoding="utf-8")

    def write(self, record: BaseModel | dict[str, Any]) -> None:
        if isinstance(record, BaseModel):
            line = record.model_dump_json()
        else:
            line = json.dumps(record, ensure_ascii=False, sort_keys=True)
        self._fh.write(redact(line) + "\n")
        self._fh.flush()

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def iter_json(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object). A broken line in the middle is an error naming file:line;
    a broken *last* line (a crash mid-write) is skipped."""
    if not path.exists():
        return
    lines = read_run_file(path).split(b"\n")
    last = len(lines) - 1
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw.decode("utf-8"))
            if not isinstance(obj, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError):
            if number - 1 == last:  # unterminated tail: torn write
                return
            raise StoreError(f"{path}:{number}: broken JSON line") from None
        yield number, obj


def read_records(path: Path, model: type[M]) -> Iterator[M]:
    for number, obj in iter_json(path):
        try:
            yield model.model_validate(obj)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ".".join(str(p) for p in err["loc"])
            raise StoreError(f"{path}:{number}: invalid record ({loc}: {err['msg']})") from None


def write_json_atomic(path: Path, obj: Any) -> None:
    """Write JSON through a temp file and rename, so readers never see half a file."""
    text = obj.model_dump_json(indent=2) if isinstance(obj, BaseModel) else json.dumps(
        obj, indent=2, ensure_ascii=False, sort_keys=False, default=str)
    write_text_atomic(path, text + "\n")


def write_text_atomic(path: Path, text: str) -> None:
    """Through a uniquely named temp file in the same directory (two writers never share one), then a rename;
    keys are redacted on the way."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(redact(text))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
