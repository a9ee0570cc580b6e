"""``redline lineage BASE --audit MODELS.yaml`` as one function: audit, through the sweep, every listed model that
has an endpoint and no finished ``run:`` yet (all with the file's one shared design, so every derivative is paired
with its base on the same pair keys), load each run once, and join them over the derivative tree.

Models listed with ``not_audited``, tree models the file does not list, and models whose audit failed are reported
as not audited with their reason; none is dropped silently. Two tree models with the same endpoint share one run
(the same audit resolves to the same run id).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redline.adoption.audit_models import AuditedModel, ModelsFile, load_models_file, run_paths
from redline.adoption.lineage import LineageTree
from redline.errors import ConfigError, InputError
from redline.pipeline.sweep import ModelLine, audit_models


def _no_echo(message: str, err: bool = False) -> None:
    return None


@dataclass
class LineageAudit:
    """The joined statistics (``stats.lineage_audit.audit_tree``'s record, with run paths) and the audits that
    failed (model id -> first line of the error)."""

    result: dict[str, Any]
    failed: dict[str, str] = field(default_factory=dict)


def suite_refs(spec: ModelsFile, root: Path) -> tuple[str, ...]:
    """Suite names stay names; a suite path is read relative to MODELS.yaml when it exists there, else as given
    (relative to the working directory)."""
    out = []
    for name in spec.audit.suites:
        near = root / name
        out.append(str(near) if not Path(name).is_absolute() and near.is_file() else name)
    return tuple(out)


def _configs(path: Path, spec: ModelsFile, models: Sequence[AuditedModel], root: Path, options: dict[str, Any]
             ) -> tuple[list[ModelLine], list[Any], list[list[str]]]:
    """One validated config per distinct endpoint (all checked before any audit starts), and the model ids that
    each one serves."""
    from redline.config import make_config

    design = spec.audit
    shared = {**options, "suites": suite_refs(spec, root), "conditions": design.conditions,
              "replicates": design.replicates, "limit": design.limit, "seed": design.seed}
    lines: list[ModelLine] = []
    configs: list[Any] = []
    served: list[list[str]] = []
    index: dict[tuple[str, str | None, str | None], int] = {}
    for number, model in enumerate(models, start=1):
        ep = model.endpoint
        assert ep is not None  # only audited models come here
        key = (ep.model, ep.base_url, ep.api_key_env)
        if key in index:
            served[index[key]].append(model.id)
            continue
        try:
            cfg = make_config(**shared, model=ep.model, base_url=ep.base_url, api_key_env=ep.api_key_env)
        except ConfigError as exc:
            raise InputError(f"{path}: {model.id}: {exc}") from None
        index[key] = len(lines)
        lines.append(ModelLine(line=number, model=ep.model, base_url=ep.base_url, api_key_env=ep.api_key_env))
        configs.append(cfg)
        served.append([model.id])
    return lines, configs, served


def lineage_audit(tree: LineageTree, path: Path, *, options: dict[str, Any] | None = None,
                  outcomes: Sequence[str] | None = None, reps: int = 2000, seed: int = 0, progress: bool = False,
                  echo: Callable[..., None] = _no_echo) -> LineageAudit:
    """Audit what MODELS.yaml asks for, then compute inheritance and exposure. ``options`` are run options for
    every audit (``runs_dir``, ``executor``, ``cache`` ...); the design (suites, conditions, replicates, limit,
    seed) comes from the file's ``audit:`` block and is the same for every model."""
    from redline.stats.lineage_audit import audit_tree
    from redline.store.run_dir import RunDir

    spec, root = load_models_file(path, tree_ids=set(tree.by_id), base=tree.base)
    paths = run_paths(spec, root)
    pending = [m for m in spec.audited if m.id not in paths]
    reasons = dict(spec.not_audited)
    failed: dict[str, str] = {}
    if pending:
        lines, configs, served = _configs(path, spec, pending, root, {"report": False, **(options or {})})
        echo(f"auditing {len(configs)} endpoint(s) for {len(pending)} model(s) of {tree.base}'s tree")
        for entry, ids in zip(audit_models(lines, configs, progress=progress, echo=echo), served, strict=True):
            for model_id in ids:
                if entry.run_path is not None:
                    paths[model_id] = entry.run_path
                else:
                    failed[model_id] = entry.error or "audit failed"
                    reasons[model_id] = f"audit failed: {failed[model_id]}"
    if tree.base in failed:
        raise InputError(f"the base model's audit failed ({failed[tree.base]}); nothing to compare against")
    runs = {model_id: RunDir.open(run_path).load() for model_id, run_path in paths.items()}  # each read once
    result = audit_tree(tree, runs, not_audited=reasons, outcomes=outcomes, reps=reps, seed=seed)
    result["runs"] = {m: str(p) for m, p in paths.items()}
    return LineageAudit(result=result, failed=failed)
