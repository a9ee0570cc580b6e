"""DuckDB views over all runs' JSONL files, so analysts can compute their own numbers in SQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from redline.errors import InputError
from redline.store.run_dir import CASES, GENERATIONS, MANIFEST, TRIALS, VERDICTS
from redline.text import safe_text

VIEWS = {"generations": GENERATIONS, "verdicts": VERDICTS, "trials": TRIALS, "cases": CASES, "manifests": MANIFEST}


def connect(runs_dir: str | Path) -> Any:
    root = Path(runs_dir)
    if not root.is_dir():
        raise InputError(f"--runs-dir: {root} is not a directory")
    return connect_runs(sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")))


def connect_runs(run_dirs: Sequence[Path], *, full_scan: bool = False) -> Any:
    """An in-memory DuckDB with the views over these run directories' files (``run_id`` = directory name).

    DuckDB infers nested types from a sample of rows and drops keys it did not see; ``full_scan`` infers from
    every row (slower), for readers such as exports that must not lose a field."""
    import duckdb

    con = duckdb.connect()
    sample = ", sample_size=-1" if full_scan else ""
    for view, name in VIEWS.items():
        files = [str(d / name) for d in run_dirs if (d / name).is_file() and (d / name).stat().st_size > 0]
        if not files:
            continue
        listing = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
        reader = "read_json_auto" if name.endswith(".json") else "read_ndjson_auto"
        con.execute(f"CREATE VIEW {view} AS SELECT regexp_extract(filename, '([^/]+)/[^/]+$', 1) AS run_id, * "  # noqa: S608
                    f"FROM {reader}([{listing}], filename=true, union_by_name=true, ignore_errors=true{sample})")
    return con


def run_query(sql: str, runs_dir: str | Path, fmt: str = "table") -> str:
    import duckdb

    con = connect(runs_dir)
    try:
        cur = con.execute(sql)
    except duckdb.Error as exc:
        raise InputError(f"query: {str(exc).splitlines()[0]}") from None
    columns = [d[0] for d in cur.description or []]
    rows = cur.fetchall()
    if fmt == "json":
        return json.dumps([dict(zip(columns, r, strict=True)) for r in rows], default=str, ensure_ascii=False) + "\n"
    buf = io.StringIO()
    if fmt == "csv":
        w = csv.writer(buf)
        w.writerow(columns)
        w.writerows(rows)
        return buf.getvalue()
    buf.write("\t".join(columns) + "\n")
    for r in rows:
        buf.write("\t".join(safe_text(str(v)) for v in r) + "\n")
    return buf.getvalue()
