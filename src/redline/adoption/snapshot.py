"""Snapshots of Hub model metadata: one row per model repository, read from and written to CSV, JSONL or Parquet.

A snapshot is the unit of analysis: the live path builds one in memory, and saving one per week or month lets a
user compute downloads *between* two snapshots. Every reader error names the file and the line (CSV, JSONL) or
row (Parquet), because snapshots are often edited by hand or produced by other tools.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from redline.errors import InputError

COLUMNS: tuple[str, ...] = (
    "id",
    "author",
    "downloads",
    "downloads_all_time",
    "created_at",
    "base_models",
    "base_relation",
    "tags",
    "library",
    "pipeline_tag",
    "snapshot_date",
)
REQUIRED: frozenset[str] = frozenset(COLUMNS) - {"base_relation"}
RELATIONS: frozenset[str] = frozenset({"finetune", "quantized", "adapter", "merge"})
FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet")


@dataclass(frozen=True)
class ModelRow:
    """One model repository as seen on the snapshot date. ``downloads`` is the Hub's last-30-days count."""

    id: str
    author: str
    downloads: int
    downloads_all_time: int | None = None
    created_at: datetime | None = None
    base_models: tuple[str, ...] = ()
    base_relation: str | None = None
    tags: tuple[str, ...] = ()
    library: str | None = None
    pipeline_tag: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """Models listed on one date; ``source`` says where they came from (a file path or a Hub endpoint)."""

    taken_at: datetime
    models: tuple[ModelRow, ...]
    source: str = ""
    by_id: Mapping[str, ModelRow] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {m.id: m for m in self.models})


def snapshot_format(path: Path) -> str:
    """The format implied by a file name: ``.csv``, ``.jsonl`` / ``.ndjson`` or ``.parquet``."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".parquet", ".pq"):
        return "parquet"
    raise InputError(f"{path}: unknown snapshot format {suffix!r}; use .csv, .jsonl or .parquet")


# ---------------------------------------------------------------- reading


def read_snapshot(path: Path | str) -> Snapshot:
    """Load and validate a snapshot file; all rows must share one ``snapshot_date``."""
    path = Path(path)
    fmt = snapshot_format(path)
    if not path.is_file():
        raise InputError(f"{path}: snapshot file not found")
    if fmt == "csv":
        records: Iterable[tuple[str, Mapping[str, Any]]] = _csv_records(path)
    elif fmt == "jsonl":
        records = _jsonl_records(path)
    else:
        records = _parquet_records(path)
    return build_snapshot(records, source=str(path), where=str(path))


def build_snapshot(records: Iterable[tuple[str, Mapping[str, Any]]], *, source: str, where: str) -> Snapshot:
    """Validate ``(location, raw row)`` pairs into a Snapshot; ``location`` is e.g. ``"line 3"``."""
    rows: list[ModelRow] = []
    seen: dict[str, str] = {}
    taken: datetime | None = None
    for loc, raw in records:
        row, row_date = parse_row(raw, where=f"{where}: {loc}")
        if row.id in seen:
            raise InputError(f"{where}: {loc}: duplicate model id {row.id!r} (first at {seen[row.id]})")
        seen[row.id] = loc
        if taken is None:
            taken = row_date
        elif row_date != taken:
            raise InputError(
                f"{where}: {loc}: snapshot_date {row_date.isoformat()} differs from {taken.isoformat()}; "
                "one file holds one snapshot"
            )
        rows.append(row)
    if taken is None:
        raise InputError(f"{where}: snapshot has no rows")
    return Snapshot(taken_at=taken, models=tuple(rows), source=source)


def parse_row(raw: Mapping[str, Any], *, where: str) -> tuple[ModelRow, datetime]:
    """Validate one raw row (strings from CSV, typed values from JSONL or Parquet)."""
    missing = sorted(REQUIRED - set(raw))
    if missing:
        raise InputError(f"{where}: missing column(s): {', '.join(missing)}")
    model_id = _text(raw["id"])
    if not model_id:
        raise InputError(f"{where}: empty id")
    author = _text(raw["author"]) or (model_id.split("/", 1)[0] if "/" in model_id else "")
    relation = _text(raw.get("base_relation")) or None
    if relation is not None and relation not in RELATIONS:
        raise InputError(f"{where}: base_relation {relation!r} is not one of {', '.join(sorted(RELATIONS))}")
    snap_date = _date(raw["snapshot_date"], "snapshot_date", where)
    if snap_date is None:
        raise InputError(f"{where}: empty snapshot_date")
    downloads = _count(raw["downloads"], "downloads", where)
    if downloads is None:
        raise InputError(f"{where}: empty downloads")
    row = ModelRow(
        id=model_id,
        author=author,
        downloads=downloads,
        downloads_all_time=_count(raw["downloads_all_time"], "downloads_all_time", where),
        created_at=_date(raw["created_at"], "created_at", where),
        base_models=_ids(raw["base_models"], "base_models", where),
        base_relation=relation,
        tags=_ids(raw["tags"], "tags", where),
        library=_text(raw["library"]) or None,
        pipeline_tag=_text(raw["pipeline_tag"]) or None,
    )
    return row, snap_date


def _csv_records(path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    with _open_text(path) as fh:
        reader = csv.DictReader(fh)
        try:
            header = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error) as exc:
            why = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)
            raise InputError(f"{path}: line 1: {why}") from None
        missing = sorted(REQUIRED - set(header))
        if missing:
            raise InputError(f"{path}: line 1: missing column(s): {', '.join(missing)}")
        try:
            for raw in reader:
                if None in raw:
                    raise InputError(f"{path}: line {reader.line_num}: more fields than columns")
                yield f"line {reader.line_num}", raw
        except csv.Error as exc:
            raise InputError(f"{path}: line {reader.line_num}: {exc}") from None
        except UnicodeDecodeError:
            raise InputError(f"{path}: line {reader.line_num + 1}: not UTF-8 text") from None


def _jsonl_records(path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    with _open_text(path) as fh:
        yield from _json_lines(path, fh)


def _json_lines(path: Path, fh: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    lineno = 0
    try:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                raise InputError(f"{path}: line {lineno}: invalid JSON: {getattr(exc, 'msg', 'nested too deep')}"
                                 ) from None
            if not isinstance(raw, dict):
                raise InputError(f"{path}: line {lineno}: expected a JSON object")
            yield f"line {lineno}", raw
    except UnicodeDecodeError:
        raise InputError(f"{path}: line {lineno + 1}: not UTF-8 text") from None


def _parquet_records(path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    import duckdb

    con = duckdb.connect()
    try:
        try:
            cur = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        except duckdb.Error as exc:
            raise InputError(f"{path}: not a readable Parquet file: {str(exc).splitlines()[0]}") from None
        names = [d[0] for d in cur.description or []]
        missing = sorted(REQUIRED - set(names))
        if missing:
            raise InputError(f"{path}: missing column(s): {', '.join(missing)}")
        index = 0
        while batch := cur.fetchmany(2048):
            for values in batch:
                index += 1
                yield f"row {index}", dict(zip(names, values, strict=True))
    finally:
        con.close()


def _open_text(path: Path) -> Any:
    if path.exists() and not path.is_file():  # a FIFO or a device would block or never end
        raise InputError(f"{path}: not a regular file")
    try:
        return path.open(encoding="utf-8-sig", newline="")  # an Excel CSV starts with a BOM
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _count(value: Any, name: str, where: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InputError(f"{where}: {name} must be a whole number, got {value!r}")
    if isinstance(value, float):
        if not value.is_integer():
            raise InputError(f"{where}: {name} must be a whole number, got {value!r}")
        value = int(value)
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InputError(f"{where}: {name} must be a whole number, got {str(value)[:40]!r}") from None
    if number < 0:
        raise InputError(f"{where}: {name} must not be negative, got {number}")
    if number >= 2**63:
        raise InputError(f"{where}: {name} is too large ({len(str(number))} digits)")
    return number


def _date(value: Any, name: str, where: str) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    else:
        try:
            parsed = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise InputError(f"{where}: {name} is not an ISO date: {str(value)[:40]!r}") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _ids(value: Any, name: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        parts: Sequence[Any] = value.split(";")
    elif isinstance(value, list | tuple):
        parts = value
    else:
        raise InputError(f"{where}: {name} must be a ';'-separated string or a list")
    return tuple(dict.fromkeys(p for p in (_text(x) for x in parts) if p))


# ---------------------------------------------------------------- writing


def row_to_dict(row: ModelRow, taken_at: datetime) -> dict[str, Any]:
    """The stored form of a row: lists joined with ';', dates in ISO 8601 (UTC)."""
    return {
        "id": row.id,
        "author": row.author,
        "downloads": row.downloads,
        "downloads_all_time": row.downloads_all_time,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "base_models": ";".join(row.base_models),
        "base_relation": row.base_relation,
        "tags": ";".join(row.tags),
        "library": row.library,
        "pipeline_tag": row.pipeline_tag,
        "snapshot_date": taken_at.isoformat(),
    }


def write_snapshot(snapshot: Snapshot, path: Path | str) -> Path:
    """Write atomically (temp file + rename) in the format named by the suffix."""
    path = Path(path)
    fmt = snapshot_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".snapshot-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        dicts = [row_to_dict(r, snapshot.taken_at) for r in snapshot.models]
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=list(COLUMNS))
                writer.writeheader()
                writer.writerows({k: ("" if v is None else v) for k, v in d.items()} for d in dicts)
        elif fmt == "jsonl":
            _write_jsonl(tmp, dicts)
        else:
            _write_parquet(tmp, dicts)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _write_jsonl(path: Path, dicts: Iterable[Mapping[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for d in dicts:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")


_PARQUET_TYPES = {
    "id": "VARCHAR",
    "author": "VARCHAR",
    "downloads": "BIGINT",
    "downloads_all_time": "BIGINT",
    "created_at": "VARCHAR",
    "base_models": "VARCHAR",
    "base_relation": "VARCHAR",
    "tags": "VARCHAR",
    "library": "VARCHAR",
    "pipeline_tag": "VARCHAR",
    "snapshot_date": "VARCHAR",
}


def _write_parquet(path: Path, dicts: Sequence[Mapping[str, Any]]) -> None:
    """DuckDB bulk-loads a JSONL staging file far faster than row inserts; columns are typed explicitly."""
    import duckdb

    staging = path.with_suffix(".staging.jsonl")
    try:
        _write_jsonl(staging, dicts)
        columns = "{" + ", ".join(f"'{k}': '{v}'" for k, v in _PARQUET_TYPES.items()) + "}"
        select = ", ".join(COLUMNS)
        con = duckdb.connect()
        try:
            if dicts:
                source = f"read_json({_sql_str(staging)}, format='newline_delimited', columns={columns})"
            else:
                source = "(SELECT " + ", ".join(f"NULL::{v} AS {k}" for k, v in _PARQUET_TYPES.items()) + " LIMIT 0)"
            # built from the fixed column table and quoted paths, no user text
            con.execute(f"COPY (SELECT {select} FROM {source}) TO {_sql_str(path)} (FORMAT parquet)")  # noqa: S608
        finally:
            con.close()
    finally:
        staging.unlink(missing_ok=True)


def _sql_str(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
