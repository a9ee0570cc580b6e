"""One run's directory: manifest, planned trials and cases, generations, verdicts, statistics, reports.

Every stage reads from and writes to it, so any stage can be re-run alone. Resume is the default: the
latest record per trial (or per trial and judge fingerprint) wins, and finished work is skipped.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from redline.errors import StoreError
from redline.records import Case, Generation, RunData, RunManifest, Trial, Verdict
from redline.store.jsonl import JsonlWriter, iter_json, read_records, read_run_file, write_json_atomic

MANIFEST = "manifest.json"
TRIALS = "trials.jsonl"
CASES = "cases.jsonl"
GENERATIONS = "generations.jsonl"
VERDICTS = "verdicts.jsonl"
STATS = "stats.json"
REFERENCES = "references.json"
SEQUENTIAL = "sequential.json"
AGREEMENT = "judge_agreement.json"
REPORTS = {"html": "report.html", "md": "report.md", "json": "report.json", "sarif": "report.sarif"}
_RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def check_run_id(run_id: str) -> str:
    if not _RUN_ID.match(run_id):
        raise StoreError(f"--run-id: {run_id!r} must be letters, digits, '.', '_' or '-' (max 128)")
    return run_id


@dataclass
class RunDir:
    path: Path

    @classmethod
    def open(cls, path: str | Path) -> RunDir:
        """An existing run directory (one with a manifest)."""
        p = Path(path)
        if not (p / MANIFEST).exists():
            raise StoreError(f"{p}: not a run directory (no {MANIFEST})")
        return cls(p)

    @property
    def run_id(self) -> str:
        return self.path.name

    def exists(self) -> bool:
        return (self.path / MANIFEST).exists()

    # -- manifest -------------------------------------------------------------------------------
    def manifest(self) -> RunManifest:
        try:
            data = json.loads(read_run_file(self.path / MANIFEST).decode("utf-8"))
            return RunManifest.model_validate(data)
        except (OSError, ValueError) as exc:
            raise StoreError(f"{self.path / MANIFEST}:1: unreadable manifest ({exc})") from None

    def write_manifest(self, manifest: RunManifest) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        write_json_atomic(self.path / MANIFEST, manifest)

    # -- records ----------------------------------------------------------------------------------
    def trials(self) -> list[Trial]:
        seen: dict[str, Trial] = {}
        for t in read_records(self.path / TRIALS, Trial):
            seen.setdefault(t.trial_id, t)
        return list(seen.values())

    def cases(self) -> dict[tuple[str, str], Case]:
        """(suite, case id) -> case, as they were when the run used them."""
        out: dict[tuple[str, str], Case] = {}
        for _, obj in iter_json(self.path / CASES):
            suite = str(obj.pop("suite", ""))
            case = Case.model_validate(obj)
            out[(suite, case.id)] = case
        return out

    def generations(self) -> dict[str, Generation]:
        """Latest generation per trial id (an ok record is never replaced by a later error)."""
        out: dict[str, Generation] = {}
        for g in read_records(self.path / GENERATIONS, Generation):
            prev = out.get(g.trial_id)
            if prev is None or not (prev.ok and not g.ok):
                out[g.trial_id] = g
        return out

    def verdicts(self) -> dict[tuple[str, str], Verdict]:
        """Latest verdict per (trial id, judge fingerprint)."""
        out: dict[tuple[str, str], Verdict] = {}
        for v in read_records(self.path / VERDICTS, Verdict):
            out[(v.trial_id, v.judge_fingerprint)] = v
        return out

    def record_counts(self) -> dict[str, int]:
        """How many generation and verdict records the run holds (where a regeneration starts)."""
        return {"generations": sum(1 for _ in iter_json(self.path / GENERATIONS)),
                "verdicts": sum(1 for _ in iter_json(self.path / VERDICTS))}

    def generated_since(self, start: int, *, ok_only: bool = False) -> set[str]:
        """Trial ids with a generation record at position ``start`` or later (``ok_only``: an answer, not an error)."""
        return {g.trial_id for i, g in enumerate(read_records(self.path / GENERATIONS, Generation))
                if i >= start and (g.ok or not ok_only)}

    def judged_since(self, start: int, *, ok_only: bool = False) -> set[tuple[str, str]]:
        """(trial id, judge fingerprint) of verdict records at position ``start`` or later (``ok_only``: not an
        ``error`` verdict)."""
        return {(v.trial_id, v.judge_fingerprint) for i, v in enumerate(read_records(self.path / VERDICTS, Verdict))
                if i >= start and (v.label != "error" or not ok_only)}

    def load(self) -> RunData:
        """Every record of the run, each file read once."""
        return RunData(run_id=self.run_id, manifest=self.manifest(), trials=tuple(self.trials()), cases=self.cases(),
                       generations=self.generations(), verdicts=self.verdicts())

    def add_plan(self, trials: list[Trial], cases: list[tuple[str, Case]]) -> int:
        """Record planned trials and cases not yet recorded; returns how many trials were new."""
        known = {t.trial_id for t in self.trials()}
        known_cases = set(self.cases())
        new = [t for t in trials if t.trial_id not in known]
        with JsonlWriter(self.path / TRIALS) as w:
            for t in new:
                w.write(t)
        with JsonlWriter(self.path / CASES) as w:
            for suite, case in cases:
                if (suite, case.id) not in known_cases:
                    w.write({"suite": suite, **case.model_dump(mode="json")})
                    known_cases.add((suite, case.id))
        return len(new)

    def writer(self, name: str) -> JsonlWriter:
        return JsonlWriter(self.path / name)

    def write_json(self, name: str, obj: Any) -> Path:
        write_json_atomic(self.path / name, obj)
        return self.path / name

    def _read_json(self, name: str) -> Any:
        path = self.path / name
        if not path.exists():
            return None
        try:
            return json.loads(read_run_file(path).decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"{path}:1: unreadable ({exc})") from None

    # -- typed artefacts: the only place that names the run directory's files -----------------------------
    def generations_writer(self) -> JsonlWriter:
        return self.writer(GENERATIONS)

    def verdicts_writer(self) -> JsonlWriter:
        return self.writer(VERDICTS)

    def references(self) -> dict[str, Any]:
        """Reference statements of the run's suites, suite name -> references ({} when none were saved)."""
        data = self._read_json(REFERENCES)
        return data if isinstance(data, dict) else {}

    def write_references(self, references: dict[str, Any]) -> Path:
        return self.write_json(REFERENCES, references)

    @property
    def stats_path(self) -> Path:
        return self.path / STATS

    def stats(self) -> dict[str, Any] | None:
        data = self._read_json(STATS)
        return data if isinstance(data, dict) else None

    def write_stats(self, stats: dict[str, Any]) -> Path:
        return self.write_json(STATS, stats)

    def sequential(self) -> dict[str, Any] | None:
        """The saved history of a sequential (``--until-decided``) run, if any."""
        data = self._read_json(SEQUENTIAL)
        return data if isinstance(data, dict) else None

    def write_sequential(self, state: dict[str, Any]) -> Path:
        return self.write_json(SEQUENTIAL, state)

    def judge_agreement(self) -> dict[str, Any] | None:
        data = self._read_json(AGREEMENT)
        return data if isinstance(data, dict) else None

    def judge_agreements(self) -> list[dict[str, Any]]:
        """Every compared pair of judges (``judges``: [primary, other], ``n``, ``agreement``, ``kappa``, ...): the
        file holds one pair as one object, several under ``pairs``."""
        data = self.judge_agreement()
        if data is None:
            return []
        pairs = data.get("pairs") if "pairs" in data else [data]
        return [p for p in pairs or [] if isinstance(p, dict)]

    def write_judge_agreement(self, agreement: dict[str, Any]) -> Path:
        return self.write_json(AGREEMENT, agreement)

    @property
    def trials_path(self) -> Path:
        """The planned trials' JSONL (for readers that scan it themselves, such as DuckDB)."""
        return self.path / TRIALS

    @property
    def generations_path(self) -> Path:
        return self.path / GENERATIONS

    @property
    def verdicts_path(self) -> Path:
        return self.path / VERDICTS

    def report_path(self, fmt: str) -> Path:
        """Where the report in ``fmt`` (html, md, json, sarif) lives."""
        return self.path / REPORTS[fmt]

    # -- locking ----------------------------------------------------------------------------------
    def lock(self, *, wait: bool = False, on_wait: Callable[[], None] | None = None) -> IO[str]:
        """An exclusive lock so two processes never write the same run at once. A run refuses a second writer;
        ``wait`` (stats and reports: short, idempotent writes) waits for it instead, calling ``on_wait`` first."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            lock = self.path / ".lock"
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0), 0o644)
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO or device planted as the lock file
                os.close(fd)
                raise StoreError(f"{lock}: not a regular file")
            fh = os.fdopen(fd, "w")
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write to this run directory ({exc.strerror or exc})") from None
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                fh.close()
                raise StoreError(f"{self.path}: another redline process is using this run") from None
            if on_wait is not None:
                on_wait()
            try:
                fcntl.flock(fh, fcntl.LOCK_EX)
            except BaseException:
                fh.close()
                raise
        return fh


def find_run(ref: str | Path, runs_dir: str | Path = "runs") -> RunDir:
    """A run by path, or by its id in ``runs_dir`` (what ``redline runs`` lists)."""
    path = Path(ref)
    if (path / MANIFEST).exists():
        return RunDir.open(path)
    by_id = Path(runs_dir) / str(ref)
    if _RUN_ID.match(str(ref)) and (by_id / MANIFEST).exists():
        return RunDir.open(by_id)
    raise StoreError(f"{ref}: not a run directory, nor a run id in {runs_dir} ('redline runs' lists them)")


def list_runs(runs_dir: Path) -> list[RunDir]:
    if not runs_dir.exists():
        return []
    return sorted((RunDir(p) for p in runs_dir.iterdir() if (p / MANIFEST).exists()),
                  key=lambda r: r.path.name)
