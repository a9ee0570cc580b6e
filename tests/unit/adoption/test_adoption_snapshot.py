"""Snapshot files: the three formats round-trip, and bad input fails with the file and line or row named."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from redline.adoption.snapshot import COLUMNS, ModelRow, Snapshot, read_snapshot, write_snapshot
from redline.errors import InputError

DATA = Path(__file__).resolve().parents[2] / "data" / "adoption"
CURRENT = DATA / "synthetic-2025-02-01.csv"

HEADER = ",".join(COLUMNS)
GOOD_ROW = "a/m,a,10,100,2024-01-02,,,gguf;x,gguf,text-generation,2025-02-01"


def _csv(tmp_path: Path, *rows: str, header: str = HEADER, name: str = "s.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_reads_the_synthetic_snapshot() -> None:
    snap = read_snapshot(CURRENT)
    assert snap.taken_at == datetime(2025, 2, 1, tzinfo=UTC)
    assert len(snap.models) == 8
    merge = snap.by_id["someuser/llama-qwen-merge"]
    assert merge.base_models == ("meta-llama/Llama-3.1-8B", "Qwen/Qwen2.5-7B-Instruct")
    assert merge.base_relation == "merge"
    gguf = snap.by_id["bartowski/Qwen2.5-7B-Instruct-GGUF"]
    assert gguf.tags == ("gguf", "text-generation")
    assert gguf.downloads == 150 and gguf.downloads_all_time == 2000
    assert gguf.created_at == datetime(2024, 9, 20, 8, tzinfo=UTC)
    assert snap.by_id["Qwen/Qwen2.5-7B"].base_relation is None


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_round_trip_in_every_format(tmp_path: Path, suffix: str) -> None:
    snap = read_snapshot(CURRENT)
    out = write_snapshot(snap, tmp_path / f"copy{suffix}")
    again = read_snapshot(out)
    assert again.taken_at == snap.taken_at
    assert again.models == snap.models


def test_empty_author_falls_back_to_the_id_namespace(tmp_path: Path) -> None:
    path = _csv(tmp_path, "org/model,,1,,,,,,,,2025-02-01", "gpt2,,1,,,,,,,,2025-02-01")
    snap = read_snapshot(path)
    assert snap.by_id["org/model"].author == "org"
    assert snap.by_id["gpt2"].author == ""
    assert snap.by_id["org/model"].downloads_all_time is None


def test_jsonl_accepts_lists_and_skips_blank_lines(tmp_path: Path) -> None:
    row = {c: None for c in COLUMNS} | {
        "id": "a/b", "author": "a", "downloads": 5, "base_models": ["x/y", "z/w"], "tags": ["gguf"],
        "snapshot_date": "2025-02-01T00:00:00Z",
    }
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(row) + "\n\n", encoding="utf-8")
    snap = read_snapshot(path)
    assert snap.by_id["a/b"].base_models == ("x/y", "z/w")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.csv: snapshot file not found"):
        read_snapshot(tmp_path / "nope.csv")


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    path.write_text("x")
    with pytest.raises(InputError, match=r"s\.xlsx: unknown snapshot format"):
        read_snapshot(path)


def test_missing_columns_named(tmp_path: Path) -> None:
    path = _csv(tmp_path, "a/m,a,10", header="id,author,downloads")
    with pytest.raises(InputError, match=r"s\.csv: line 1: missing column\(s\): base_models, created_at"):
        read_snapshot(path)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("a/m,a,10,100,2024-13-45,,,,,,2025-02-01", r"line 3: created_at is not an ISO date"),
        ("a/m,a,10,100,2024-01-02,,,,,,yesterday", r"line 3: snapshot_date is not an ISO date"),
        ("a/m,a,ten,100,2024-01-02,,,,,,2025-02-01", r"line 3: downloads must be a whole number"),
        ("a/m,a,-1,100,2024-01-02,,,,,,2025-02-01", r"line 3: downloads must not be negative"),
        ("a/m,a,,100,2024-01-02,,,,,,2025-02-01", r"line 3: empty downloads"),
        ("a/m,a,1,100,2024-01-02,,cousin,,,,2025-02-01", r"line 3: base_relation 'cousin'"),
        ("a/m,a,1,100,2024-01-02,,,,,,2025-02-01,extra", r"line 3: more fields than columns"),
        (",a,1,100,2024-01-02,,,,,,2025-02-01", r"line 3: empty id"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = _csv(tmp_path, GOOD_ROW.replace("a/m", "ok/first"), row)
    with pytest.raises(InputError, match=r"s\.csv: " + message):
        read_snapshot(path)


def test_duplicate_ids_and_mixed_dates(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"line 3: duplicate model id 'a/m' \(first at line 2\)"):
        read_snapshot(_csv(tmp_path, GOOD_ROW, GOOD_ROW))
    other_date = GOOD_ROW.replace("a/m", "b/m").replace("2025-02-01", "2025-03-01")
    with pytest.raises(InputError, match="line 3: snapshot_date 2025-03-01"):
        read_snapshot(_csv(tmp_path, GOOD_ROW, other_date, name="t.csv"))


def test_empty_snapshot(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="snapshot has no rows"):
        read_snapshot(_csv(tmp_path))


def test_invalid_json_line_named(tmp_path: Path) -> None:
    good = {c: "" for c in COLUMNS} | {"id": "a/b", "author": "a", "downloads": 1, "snapshot_date": "2025-02-01"}
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(good) + "\n" + '{"id": "broken",\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"s\.jsonl: line 2: invalid JSON"):
        read_snapshot(path)
    path.write_text(json.dumps(good) + "\n[1, 2]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"s\.jsonl: line 2: expected a JSON object"):
        read_snapshot(path)


def test_bad_parquet_named(tmp_path: Path) -> None:
    path = tmp_path / "s.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match=r"s\.parquet: not a readable Parquet file"):
        read_snapshot(path)


def test_parquet_row_errors_named(tmp_path: Path) -> None:
    rows = (
        ModelRow(id="a/ok", author="a", downloads=1),
        ModelRow(id="a/also-ok", author="a", downloads=2),
    )
    out = write_snapshot(Snapshot(taken_at=datetime(2025, 2, 1, tzinfo=UTC), models=rows), tmp_path / "s.parquet")
    import duckdb

    bad = tmp_path / "bad.parquet"
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT id, author, CASE WHEN id = 'a/also-ok' THEN -5 ELSE downloads END AS downloads, "
        f"downloads_all_time, created_at, base_models, base_relation, tags, library, pipeline_tag, snapshot_date "
        f"FROM read_parquet('{out}')) TO '{bad}' (FORMAT parquet)"
    )
    con.close()
    with pytest.raises(InputError, match=r"bad\.parquet: row 2: downloads must not be negative"):
        read_snapshot(bad)


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    snap = read_snapshot(CURRENT)
    write_snapshot(snap, tmp_path / "out" / "s.parquet")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["s.parquet"]
