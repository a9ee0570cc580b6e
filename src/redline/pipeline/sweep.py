"""A sweep (``redline sweep MODELS.txt``): one audit per listed model (sharing one Ray cluster), then one comparison.

MODELS.txt has one model per line: ``PROVIDER/NAME [BASE_URL ...] [api_key_env=VAR]``; further URLs are extra
endpoints serving the same model (load-balanced by the Ray executor); ``#`` starts a comment. Every model gets
its own run directory with the usual default run id, so re-running the same sweep resumes each audit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redline.errors import ConfigError, InputError, RedlineError
from redline.text import safe_text

MAX_MODELS_FILE = 1_000_000  # bytes: a list of models, not a data set


@dataclass(frozen=True)
class ModelLine:
    line: int
    model: str
    base_url: str | None = None
    base_urls: tuple[str, ...] = ()
    api_key_env: str | None = None


@dataclass
class SweepEntry:
    spec: ModelLine
    run_path: Path | None = None
    error: str | None = None
    status: dict[str, Any] = field(default_factory=dict)


def parse_models(path: Path) -> list[ModelLine]:
    """Read MODELS.txt; every problem is an ``InputError`` naming ``file:line``."""
    from redline.store.inputs import read_text_bounded

    text = read_text_bounded(path, cap=MAX_MODELS_FILE)
    out: list[ModelLine] = []
    seen: dict[tuple[str, str | None], int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        tokens = raw.split("#", 1)[0].split()
        if not tokens:
            continue
        model, urls, key_env = tokens[0], [], None
        if "/" not in model or model.startswith("/") or model.endswith("/"):
            raise InputError(f"{path}:{number}: {model!r} is not PROVIDER/NAME")
        for token in tokens[1:]:
            if token.startswith(("http://", "https://")):
                urls.append(token)
            elif token.startswith("api_key_env="):
                key_env = token.partition("=")[2] or None
            else:
                raise InputError(f"{path}:{number}: unexpected {token!r} (expected a base URL or api_key_env=VAR)")
        spec = ModelLine(line=number, model=model, base_url=urls[0] if urls else None, base_urls=tuple(urls[1:]),
                         api_key_env=key_env)
        key = (spec.model, spec.base_url)
        if key in seen:
            raise InputError(f"{path}:{number}: {model} {spec.base_url or ''} already listed on line {seen[key]}")
        seen[key] = number
        out.append(spec)
    if not out:
        raise InputError(f"{path}:1: no models listed")
    return out


def sweep_configs(path: str | Path, specs: list[ModelLine], options: dict[str, Any]) -> list[Any]:
    """One validated RunConfig per model (all checked before any audit starts)."""
    from redline.config import make_config

    configs = []
    for spec in specs:
        values = {**options, "model": spec.model, "base_url": spec.base_url or options.get("base_url"),
                  "base_urls": spec.base_urls or None,
                  "api_key_env": spec.api_key_env or options.get("api_key_env")}
        try:
            configs.append(make_config(**values))
        except ConfigError as exc:
            raise InputError(f"{path}:{spec.line}: {exc}") from None
    return configs


def sweep_id(specs: list[ModelLine], options: dict[str, Any]) -> str:
    """Same models and options -> same sweep directory, like run ids."""
    blob = json.dumps({"models": [(s.model, s.base_url, s.base_urls) for s in specs],
                       "options": {k: v for k, v in sorted(options.items()) if k not in ("fresh", "cache")}},
                      sort_keys=True, default=str)
    return "sweep-" + hashlib.sha256(blob.encode()).hexdigest()[:8]


def _no_echo(message: str, err: bool = False) -> None:
    return None


def run_sweep(path: Path, options: dict[str, Any], *, progress: bool = True,
              echo: Callable[..., None] = _no_echo) -> tuple[Path, list[SweepEntry], dict[str, Any] | None]:
    """Audit every model in MODELS.txt in turn, then compare the finished runs."""
    return sweep_models(path, parse_models(path), options, progress=progress, echo=echo)


def sweep_models(path: str | Path, specs: list[ModelLine], options: dict[str, Any], *, progress: bool = True,
                 echo: Callable[..., None] = _no_echo) -> tuple[Path, list[SweepEntry], dict[str, Any] | None]:
    """Audit every model in turn, then compare the finished runs; returns (sweep dir, entries, comparison).
    ``path`` names where the models came from (a models file or an audit file), for messages."""
    from redline.store.run_dir import RunDir

    configs = sweep_configs(path, specs, options)
    entries = audit_models(specs, configs, progress=progress, echo=echo)
    out = Path(options.get("runs_dir") or "runs") / sweep_id(specs, options)
    out.mkdir(parents=True, exist_ok=True)
    finished = [RunDir(e.run_path) for e in entries if e.run_path is not None]
    comparison = compare_finished(finished) if options.get("judge", True) else None
    (out / "sweep.json").write_text(json.dumps({"models_file": str(path), "options": options, "runs": [
        {"model": e.spec.model, "base_url": e.spec.base_url, "run": str(e.run_path) if e.run_path else None,
         "error": e.error, **e.status} for e in entries]}, indent=2, ensure_ascii=False, default=str) + "\n",
        encoding="utf-8")
    if comparison is not None:
        (out / "compare.json").write_text(json.dumps(comparison, indent=2, ensure_ascii=False, default=str) + "\n",
                                          encoding="utf-8")
    return out, entries, comparison


def audit_models(specs: list[ModelLine], configs: list[Any], *, progress: bool = True,
                 echo: Callable[..., None] = _no_echo) -> list[SweepEntry]:
    """One audit per (model, config), in turn, on one Ray cluster when asked; a failed audit is recorded in its
    entry and the sweep goes on. Shared by ``redline sweep`` and ``redline lineage --audit``."""
    from redline.pipeline.audit import run_audit
    from redline.pipeline.summary import run_status
    from redline.store.run_dir import RunDir

    if any(cfg.executor == "ray" for cfg in configs):
        from redline.runner.ray_executor import ensure_ray

        ensure_ray(configs[0].ray_address)  # one cluster (or local instance) for every audit
    entries = [SweepEntry(spec=s) for s in specs]
    for i, (entry, cfg) in enumerate(zip(entries, configs, strict=True), start=1):
        echo(safe_text(f"[{i}/{len(entries)}] {cfg.model}" + (f" at {cfg.base_url}" if cfg.base_url else "")))
        try:
            result = run_audit(cfg, progress=progress)
        except RedlineError as exc:  # one model's dead endpoint must not end a sweep of dozens
            entry.error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            echo(safe_text(f"  failed: {entry.error}"), err=True)
            continue
        entry.run_path = result.run.path
        entry.status = run_status(RunDir(result.run.path).load())
    return entries


def largest_differences(differences: list[dict[str, Any]], top: int = 15) -> list[dict[str, Any]]:
    """The rows a sweep summary shows: every confirmatory difference (never hidden, whatever ``top``), then the
    other differences by absolute size, up to ``top`` rows in all. Sorted by effect size, not significance: when
    nothing is significant, a p-value order would show the zero differences first."""
    def size(d: dict[str, Any]) -> float:
        value = d.get("difference")
        return -abs(value) if isinstance(value, int | float) and value == value else 1.0  # no estimate: last

    confirmatory = sorted((d for d in differences if d.get("family") == "confirmatory"), key=size)
    others = sorted((d for d in differences if d.get("family") != "confirmatory"), key=size)
    return confirmatory + others[:max(0, top - len(confirmatory))]


def compare_finished(runs: list[Any]) -> dict[str, Any] | None:
    """The statistics comparison of the finished runs, when the comparison module exists and there are two."""
    if len(runs) < 2:
        return None
    try:
        from redline.stats.compare import compare_runs
    except ImportError:
        return None
    comparison: dict[str, Any] = compare_runs([run.load() for run in runs])
    return comparison
