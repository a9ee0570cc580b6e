"""The viewer's data: one DuckDB over the chosen runs, so filtering and paging never load every trial.

Per-trial labels and statuses come from the statistics layer (``load_observations``: the manifest's judge
versions, the same rows the statistics count), written once to a temporary JSONL index; prompts, answers and
verdicts are read through ``query``'s views of the runs' own files. Nothing is written to a run directory.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redline.errors import InputError
from redline.query import connect_runs
from redline.records import RunData
from redline.stats.observations import load_observations, select_verdicts
from redline.store.run_dir import RunDir

FILTERS = ("suite", "condition_id", "label", "language", "status", "kind")
INDEX_COLUMNS = {
    "run_id": "VARCHAR", "trial_id": "VARCHAR", "pair_key": "VARCHAR", "suite": "VARCHAR", "case_id": "VARCHAR",
    "condition_id": "VARCHAR", "condition_group": "VARCHAR", "replicate": "BIGINT", "kind": "VARCHAR",
    "language": "VARCHAR", "topic": "VARCHAR", "status": "VARCHAR", "label": "VARCHAR", "score": "BIGINT",
    "n_findings": "BIGINT", "judges": "VARCHAR", "disagree": "BOOLEAN", "fingerprints": "VARCHAR",
}
ORDER = "suite, case_id, replicate, condition_id <> 'baseline', condition_id, trial_id"


@dataclass
class RunInfo:
    run_id: str
    path: Path
    manifest: dict[str, Any]
    warnings: tuple[str, ...] = ()
    stats: dict[str, Any] | None = None
    computed: bool = False  # statistics computed by the viewer (the run has no stats.json)


@dataclass
class Page:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int


@dataclass
class Catalog:
    """The runs being viewed and the database that answers every page."""

    con: Any
    runs: dict[str, RunInfo] = field(default_factory=dict)

    def stats(self, run_id: str) -> tuple[dict[str, Any] | None, bool]:
        """The run's stats.json, or statistics computed now (kept in memory, never written) when it has none;
        the flag says which."""
        info = self.runs[run_id]
        if info.stats is not None:
            return info.stats, info.computed
        from redline.stats.compute import compute_stats

        info.stats = compute_stats(RunDir.open(info.path).load(), bootstrap=500).to_json()  # as stats.json
        info.computed = True
        return info.stats, True

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def options(self, run_id: str) -> dict[str, list[str]]:
        """Distinct values of every filter column in one run."""
        out = {}
        for col in FILTERS:
            found = self.rows(f"SELECT DISTINCT {col} AS v FROM obs WHERE run_id = ? ORDER BY 1", [run_id])  # noqa: S608
            out[col] = [str(r["v"]) for r in found if r["v"] not in (None, "")]
        return out

    def trials(self, run_id: str, filters: dict[str, str], *, disagree: bool = False, page: int = 1,
               per_page: int = 50) -> Page:
        """One page of a run's trials; filter values are bound parameters, column names come from FILTERS."""
        where, params = ["run_id = ?"], [run_id]
        for col in FILTERS:
            if filters.get(col):
                where.append(f"{col} = ?")
                params.append(filters[col])
        if disagree:
            where.append("disagree")
        cond = " AND ".join(where)
        total = int(self.con.execute(f"SELECT count(*) FROM obs WHERE {cond}", params).fetchone()[0])  # noqa: S608
        pages = max(1, -(-total // per_page))
        page = min(max(1, page), pages)
        rows = self.rows(f"SELECT * FROM obs WHERE {cond} ORDER BY {ORDER} LIMIT ? OFFSET ?",  # noqa: S608
                         [*params, per_page, (page - 1) * per_page])
        return Page(rows=rows, total=total, page=page, pages=pages)

    def trial(self, run_id: str, trial_id: str) -> dict[str, Any] | None:
        """Everything about one trial: its index row, prompt, latest generation and selected verdicts."""
        found = self.rows("SELECT * FROM obs WHERE run_id = ? AND trial_id = ?", [run_id, trial_id])
        if not found:
            return None
        row = found[0]
        plan = self.rows("SELECT prompt, messages FROM plan WHERE run_id = ? AND trial_id = ? LIMIT 1",
                         [run_id, trial_id])
        gens = self.rows("SELECT * FROM gen WHERE run_id = ? AND trial_id = ? ORDER BY seq", [run_id, trial_id])
        ok = [g for g in gens if not g["error"]]
        fingerprints = json.loads(row["fingerprints"] or "{}")
        verdicts = [v for v in self.rows("SELECT * FROM ver WHERE run_id = ? AND trial_id = ? ORDER BY seq",
                                         [run_id, trial_id]) if fingerprints.get(v["judge"]) == v["fingerprint"]]
        latest: dict[str, dict[str, Any]] = {}
        for v in verdicts:
            latest[v["judge"]] = {**v, "findings": json.loads(v["findings"] or "[]"),
                                  "details": json.loads(v["details"] or "{}"),
                                  "evidence": json.loads(v["evidence"] or "[]")}
        return {**row, "prompt": _prompt(plan[0]) if plan else "",
                "generation": (ok or gens)[-1] if gens else None, "verdicts": list(latest.values())}

    def pair(self, run_id: str, pair_key: str) -> list[dict[str, Any]]:
        ids = self.rows(f"SELECT trial_id FROM obs WHERE run_id = ? AND pair_key = ? ORDER BY {ORDER} LIMIT 24",  # noqa: S608
                        [run_id, pair_key])
        return [t for r in ids if (t := self.trial(run_id, r["trial_id"])) is not None]


def _prompt(plan: dict[str, Any]) -> str:
    if plan.get("prompt"):
        return str(plan["prompt"])
    messages = json.loads(plan.get("messages") or "[]") or []
    return "\n\n".join(f"[{m.get('role', '')}]\n{m.get('content', '')}" for m in messages if isinstance(m, dict))


def find_runs(paths: Sequence[str | Path]) -> list[Path]:
    """Each path is a run directory or a directory of runs; names must be unique (they key the pages)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if RunDir(p).exists():
            out.append(p)
        elif p.is_dir():
            out.extend(sorted(d for d in p.iterdir() if RunDir(d).exists()))
        else:
            raise InputError(f"{p}: not a run directory nor a directory of runs")
    names = [p.name for p in out]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise InputError(f"several runs are named {dupes[0]!r}; view them separately")
    return out


def _index_rows(data: RunData) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
    obs_set = load_observations(data)
    by_judge, used, _ = select_verdicts(data.verdicts.values(), dict(data.manifest.judges))
    rows = []
    for o in obs_set.observations:
        labels = {j: v[o.trial_id].label for j, v in sorted(by_judge.items()) if o.trial_id in v}
        rows.append({"run_id": data.run_id, "trial_id": o.trial_id, "pair_key": o.pair_key, "suite": o.suite,
                     "case_id": o.case_id, "condition_id": o.condition_id, "condition_group": o.condition_group,
                     "replicate": o.replicate, "kind": o.kind, "language": o.language, "topic": o.topic,
                     "status": o.status, "label": o.label or "", "score": o.score, "n_findings": o.n_findings,
                     "judges": "; ".join(f"{j}: {lab}" for j, lab in labels.items()),
                     "disagree": len(set(labels.values())) > 1, "fingerprints": json.dumps(used)})
    return rows, obs_set.warnings


def _table(con: Any, name: str, paths: Sequence[Path], columns: dict[str, str], select: str) -> None:
    """A table from the runs' JSONL files with declared column types: nested values stay JSON, so no key is
    lost to type inference from a sample of rows."""
    files = [str(f) for f in paths if f.is_file() and f.stat().st_size > 0]
    if not files:
        con.execute(f"CREATE TABLE {name} AS SELECT 0::BIGINT AS seq, '' AS run_id, {select} "  # noqa: S608
                    f"FROM (SELECT {', '.join(f'NULL::{t} AS {c}' for c, t in columns.items())}) WHERE false")
        return
    listing = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    spec = "{" + ", ".join(f"'{c}': '{t}'" for c, t in columns.items()) + "}"
    con.execute(f"CREATE TABLE {name} AS SELECT row_number() OVER () AS seq, "  # noqa: S608
                f"regexp_extract(filename, '([^/]+)/[^/]+$', 1) AS run_id, {select} "
                f"FROM read_ndjson([{listing}], columns = {spec}, filename = true, ignore_errors = true)")


def open_catalog(paths: Sequence[str | Path]) -> Catalog:
    """Index the runs under ``paths`` into an in-memory DuckDB."""
    run_dirs = find_runs(paths)
    if not run_dirs:
        raise InputError("no runs found (a run directory has a manifest.json)")
    con = connect_runs(run_dirs)
    catalog = Catalog(con=con)
    runs = [RunDir.open(p) for p in run_dirs]
    with tempfile.TemporaryDirectory(prefix="redline-view-") as tmp:
        index = Path(tmp) / "index.jsonl"
        with index.open("w", encoding="utf-8") as fh:
            for run in runs:
                data = run.load()
                rows, warnings = _index_rows(data)
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                catalog.runs[run.run_id] = RunInfo(run.run_id, run.path, data.manifest.model_dump(mode="json"),
                                                   warnings, run.stats())
        columns = "{" + ", ".join(f"'{k}': '{v}'" for k, v in INDEX_COLUMNS.items()) + "}"
        con.execute(f"CREATE TABLE obs AS SELECT * FROM read_ndjson(?, columns = {columns})",  # noqa: S608
                    [str(index)])
    _table(con, "plan", [r.trials_path for r in runs],
           {"trial_id": "VARCHAR", "prompt": "VARCHAR", "messages": "JSON"},
           "trial_id, prompt, CAST(messages AS VARCHAR) AS messages")
    _table(con, "gen", [r.generations_path for r in runs],
           {"trial_id": "VARCHAR", "text": "VARCHAR", "reasoning": "VARCHAR", "error": "VARCHAR",
            "finish_reason": "VARCHAR", "usage": "JSON"},
           "trial_id, text, reasoning, error, finish_reason, CAST(usage AS VARCHAR) AS usage")
    _table(con, "ver", [r.verdicts_path for r in runs],
           {"trial_id": "VARCHAR", "judge": "VARCHAR", "judge_fingerprint": "VARCHAR", "label": "VARCHAR",
            "findings": "JSON", "details": "JSON", "evidence": "JSON"},
           "trial_id, judge, judge_fingerprint AS fingerprint, label, CAST(findings AS VARCHAR) AS findings, "
           "CAST(details AS VARCHAR) AS details, CAST(evidence AS VARCHAR) AS evidence")
    return catalog
