"""Parquet tables and a Hugging Face datasets folder, written by DuckDB (no pyarrow or datasets needed)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from redline.export.paths import inside
from redline.export.samples import COLUMNS, iter_samples, manifest_facts
from redline.query import connect_runs
from redline.store.jsonl import write_json_atomic, write_text_atomic
from redline.store.run_dir import RunDir

RAW_TABLES = ("trials", "generations", "verdicts", "cases")


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _copy(con: Any, select: str, target: Path) -> None:
    con.execute(f"COPY ({select}) TO {_literal(target)} (FORMAT parquet, COMPRESSION zstd)")


def write_samples(run: RunDir, con: Any, parquet: Path, jsonl: Path | None = None) -> int:
    """One row per planned trial into Parquet (and JSONL); returns the row count."""
    with tempfile.TemporaryDirectory(prefix="redline-export-") as tmp:
        staged = Path(tmp) / "samples.jsonl"
        n = 0
        with staged.open("w", encoding="utf-8") as fh:
            for sample in iter_samples(run):
                fh.write(json.dumps(sample.row, ensure_ascii=False) + "\n")
                n += 1
        columns = "{" + ", ".join(f"'{k}': '{v}'" for k, v in COLUMNS.items()) + "}"
        source = f"SELECT * FROM read_ndjson({_literal(staged)}, columns = {columns})"  # noqa: S608
        _copy(con, source, parquet)
        if jsonl is not None:
            con.execute(f"COPY ({source}) TO {_literal(jsonl)} (FORMAT json)")
    return n


def export_parquet(run: RunDir, out: Path) -> list[Path]:
    """The run's own records as stored (trials, generations, verdicts, cases: every line, latest last) plus
    ``samples``: one analysed row per planned trial."""
    con = connect_runs([run.path], full_scan=True)
    written = []
    existing = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for table in RAW_TABLES:
        if table not in existing:
            continue
        target = inside(out, f"{table}.parquet")
        _copy(con, f"SELECT * EXCLUDE (filename, run_id) FROM {table}", target)  # noqa: S608
        written.append(target)
    target = inside(out, "samples.parquet")
    write_samples(run, con, target)
    written.append(target)
    manifest = inside(out, "run_manifest.json")
    write_json_atomic(manifest, manifest_facts(run))
    con.close()
    return [*written, manifest]


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _card(run: RunDir, facts: dict[str, Any], rows: int) -> str:
    backend = facts.get("backend", {})
    suites = ", ".join(f"{s.get('name')} {s.get('version')} ({str(s.get('hash'))[:12]})"
                       for s in facts.get("suites", []))
    judges = ", ".join(f"{k} ({v})" for k, v in facts.get("judges", {}).items())
    lines = [
        "---",
        "pretty_name: " + json.dumps(f"redline audit {run.run_id}"),
        "tags: [redline, model-audit]",
        "configs:",
        "  - config_name: default",
        "    data_files:",
        "      - split: train",
        "        path: data/samples.parquet",
        "---",
        "",
        f"# redline audit `{_cell(run.run_id)}`",
        "",
        "Every planned trial of one redline run: the prompt, the model's answer and reasoning, and the label the",
        "run's judges gave it. Labels come from automatic judges (their measured precision and recall are in the",
        "redline README); the statistics of the run are not part of this dataset.",
        "",
        "| fact | value |",
        "|---|---|",
        f"| model | `{_cell(backend.get('provider', ''))}/{_cell(backend.get('model', ''))}` |",
        f"| created | {_cell(facts.get('created_at', ''))} |",
        f"| redline | {facts.get('redline_version', '')} |",
        f"| suites | {_cell(suites)} |",
        f"| judges | {_cell(judges)} |",
        f"| seed | {facts.get('seed', '')} |",
        f"| trials | {rows} |",
        "",
        "`manifest.json` holds the full configuration (credentials are never recorded; URLs are shown without",
        "user info or query).",
        "",
        "## Columns",
        "",
        ", ".join(f"`{c}`" for c in COLUMNS) + ". `messages`, `findings` and `judge_labels` are JSON strings.",
        "",
    ]
    return "\n".join(lines)


def export_hf(run: RunDir, out: Path) -> list[Path]:
    """A folder ``datasets.load_dataset(PATH)`` reads: data/samples.parquet (+ .jsonl), a dataset card, the
    manifest facts."""
    con = connect_runs([run.path])
    parquet = inside(out, "data", "samples.parquet")
    jsonl = inside(out, "data", "samples.jsonl")
    rows = write_samples(run, con, parquet, jsonl)
    con.close()
    facts = manifest_facts(run)
    manifest = inside(out, "run_manifest.json")
    write_json_atomic(manifest, facts)
    card = inside(out, "README.md")
    write_text_atomic(card, _card(run, facts, rows))
    return [parquet, jsonl, manifest, card]

