"""DuckDB views over all runs' JSONL files, so analysts can compute their own numbers in SQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from redline.errors import InputError, StoreError
from redline.store.jsonl import read_run_file
from redline.store.run_dir import CASES, GENERATIONS, MANIFEST, TRIALS, VERDICTS
from redline.text import safe_text

Warn = Callable[[str], None]
VIEWS = {"generations": GENERATIONS, "verdicts": VERDICTS, "trials": TRIALS, "cases": CASES, "manifests": MANIFEST}


def _readable(run: Path) -> str | None:
    """Why a run cannot be queried (a broken manifest), or None."""
    try:
        data = json.loads(read_run_file(run / MANIFEST).decode("utf-8"))
    except StoreError as exc:  # not a regular file (a FIFO or /dev/zero would hang the listing)
        return str(exc).rpartition(": ")[2]
    except (OSError, ValueError, RecursionError) as exc:
        return f"unreadable manifest ({type(exc).__name__})"
    return None if isinstance(data, dict) else "manifest is not an object"


def connect(runs_dir: str | Path, *, allow_files: bool = False, warn: Warn | None = None) -> Any:
    """An in-memory database with one table per record kind over every readable run. Runs or files DuckDB cannot
    read are skipped with a warning naming them. Unless ``allow_files``, SQL can then read or write no file and
    reach no network (the tables are loaded first, then external access is switched off and locked)."""
    root = Path(runs_dir)
    if not root.is_dir():
        raise InputError(f"--runs-dir: {root} is not a directory")
    warn = warn or (lambda message: None)
    runs = []
    for run in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")
                      and ((p / MANIFEST).exists() or (p / MANIFEST).is_symlink())):  # odd ones: warned below
        problem = _readable(run)
        if problem:
            warn(f"skipping run {run.name}: {problem}")
        else:
            runs.append(run)
    return connect_runs(runs, allow_files=allow_files, warn=warn)


def connect_runs(run_dirs: Sequence[Path], *, full_scan: bool = False, allow_files: bool = True,
                 warn: Warn | None = None) -> Any:
    """An in-memory DuckDB with the record kinds of these run directories (``run_id`` = directory name): views
    when ``allow_files`` (the viewer and exports, which run no user SQL), else tables loaded first, then external
    access switched off and locked. A file DuckDB cannot read is skipped with a ``warn`` line.

    DuckDB infers nested types from a sample of rows and drops keys it did not see; ``full_scan`` infers from
    every row (slower), for readers such as exports that must not lose a field."""
    import duckdb

    warn = warn or (lambda message: None)
    con = duckdb.connect()
    sample = ", sample_size=-1" if full_scan else ""
    for view, name in VIEWS.items():
        files = []
        reader = "read_json_auto" if name.endswith(".json") else "read_ndjson_auto"
        for f in (run / name for run in run_dirs):
            if not f.is_file() or f.stat().st_size == 0:
                continue
            try:
                con.execute(f"SELECT count(*) FROM {reader}(?, {_OPTIONS})", [str(f)]).fetchall()  # noqa: S608
            except duckdb.Error as exc:
                warn(f"skipping {f.parent.name}/{name}: {str(exc).splitlines()[0][:160]}")
                continue
            files.append(str(f))
        if not files:
            continue
        listing = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
        kind = "VIEW" if allow_files else "TABLE"
        con.execute(f"CREATE {kind} {view} AS SELECT regexp_extract(filename, '([^/]+)/[^/]+$', 1) AS run_id, * "  # noqa: S608
                    f"FROM {reader}([{listing}], filename=true, union_by_name=true, {_OPTIONS}{sample})")
    if not allow_files:
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    return con


_OPTIONS = "ignore_errors=true, maximum_object_size=268435456"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: control characters stripped, a leading formula sign quoted."""
    text = safe_text("" if value is None else str(value))
    return "'" + text if text.startswith(_FORMULA) else text


def run_query(sql: str, runs_dir: str | Path, fmt: str = "table", *, allow_files: bool = False,
              warn: Warn | None = None) -> str:
    import duckdb

    if not sql.strip():
        raise InputError("query: empty SQL (e.g. redline query \"select count(*) from generations\")")
    con = connect(runs_dir, allow_files=allow_files, warn=warn)
    try:
        cur = con.execute(sql)
        columns = [d[0] for d in cur.description or []]
        rows = cur.fetchall() if columns else []
    except duckdb.Error as exc:
        hint = " (reading files is off: --allow-files lifts it)" if "external access" in str(exc).lower() \
            or "disabled by configuration" in str(exc) else ""
        raise InputError(f"query: {str(exc).splitlines()[0]}{hint}") from None
    if fmt == "json":
        return json.dumps([dict(zip(columns, r, strict=True)) for r in rows], default=_json_value,
                          ensure_ascii=False) + "\n"
    buf = io.StringIO()
    if fmt == "csv":
        w = csv.writer(buf)
        w.writerow([csv_cell(c) for c in columns])
        w.writerows([csv_cell(v) for v in r] for r in rows)
        return buf.getvalue()
    buf.write("\t".join(columns) + "\n")
    for r in rows:
        buf.write("\t".join(safe_text(str(v)) for v in r) + "\n")
    return buf.getvalue()


def _json_value(value: Any) -> Any:
    return str(value)
