"""Join finished runs (one per model of a derivative tree) into inheritance statistics and exposure.

Pure: it takes each model's records (:class:`redline.records.RunData`, loaded once by the store) and does not care
how the runs were produced; ``redline.pipeline.lineage`` audits the models and loads their runs first.
A pair is (pair key, trigger condition): the trial under a trigger condition and the baseline trial with the same
pair key. Pair keys depend only on suite, case, replicate and seed, so models audited with the same design share
them; pairs a derivative has and the base lacks are counted and left out of the difference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from redline.adoption.lineage import LineageTree
from redline.errors import InputError
from redline.records import RunData, RunManifest
from redline.stats.exposure import exposure
from redline.stats.inheritance import PairOutcomes, inheritance
from redline.stats.observations import BASELINE, Observation, load_observations
from redline.stats.outcomes import OUTCOMES_BY_NAME

DEFAULT_OUTCOMES: tuple[str, ...] = ("vulnerable", "refused", "refusal", "state_narrative")
TRIGGER_GROUPS: tuple[str, ...] = ("sensitive",)


def pair_outcomes(observations: Sequence[Observation], outcome: str, *,
                  groups: Sequence[str] = TRIGGER_GROUPS) -> PairOutcomes:
    """Pairs of an outcome: each trigger-condition trial with its baseline, both judged and in the outcome."""
    spec = OUTCOMES_BY_NAME.get(outcome)
    if spec is None:
        raise InputError(f"--outcome: unknown outcome {outcome!r} (known: {', '.join(OUTCOMES_BY_NAME)})")
    baseline: dict[str, int] = {}
    for o in observations:
        if o.ok and o.kind == spec.kind and o.condition_id == BASELINE:
            value = spec.value(o.label)
            if value is not None:
                baseline[o.pair_key] = value
    keys: list[str] = []
    clusters: list[str] = []
    untriggered: list[int] = []
    triggered: list[int] = []
    for o in observations:
        if not (o.ok and o.kind == spec.kind and o.condition_group in groups and o.pair_key in baseline):
            continue
        value = spec.value(o.label)
        if value is None:
            continue
        keys.append(f"{o.pair_key}|{o.condition_id}")
        clusters.append(o.cluster)
        untriggered.append(baseline[o.pair_key])
        triggered.append(value)
    return PairOutcomes(keys, clusters, untriggered, triggered)


def _has_events(observations: Sequence[Observation], outcome: str, groups: Sequence[str]) -> bool:
    """Default outcomes: those where the base has pairs and at least one event (others cannot show an effect)."""
    pairs = pair_outcomes(observations, outcome, groups=groups)
    return bool(pairs.keys) and (sum(pairs.untriggered) + sum(pairs.triggered)) > 0


def design(m: RunManifest) -> dict[str, Any]:
    """What decides a run's pair keys: suites (with their hashes), conditions, replicates, limit and seed."""
    cfg = m.config
    return {"suites": sorted(f"{s.name}@{s.hash}" for s in m.suites), "conditions": sorted(cfg.get("conditions") or []),
            "seed": cfg.get("seed", m.seed), "replicates": cfg.get("replicates"), "limit": cfg.get("limit")}


def audit_tree(tree: LineageTree, runs: Mapping[str, RunData], *, not_audited: Mapping[str, str] | None = None,
               outcomes: Sequence[str] | None = None, groups: Sequence[str] = TRIGGER_GROUPS,
               alpha: float = 0.05, reps: int = 2000, seed: int = 0) -> dict[str, Any]:
    """Inheritance and exposure per outcome. ``runs`` maps model ids of the tree (the base included) to their
    finished run's records; tree models without a run are unaudited (with the reason from ``not_audited``)."""
    if tree.base not in runs:
        raise InputError(f"no run for the base model {tree.base}")
    stray = sorted(set(runs) - set(tree.by_id))
    if stray:
        raise InputError(f"run(s) given for models outside the tree of {tree.base}: {', '.join(stray)}")
    observations = {m: load_observations(r).observations for m, r in runs.items()}
    designs = {m: design(r.manifest) for m, r in runs.items()}
    warnings = [f"{m}: design {d} differs from the base's {designs[tree.base]}; only shared pair keys are compared"
                for m, d in designs.items() if d != designs[tree.base]]
    base_obs = observations[tree.base]
    chosen = list(outcomes) if outcomes else [o for o in DEFAULT_OUTCOMES if _has_events(base_obs, o, groups)]
    if not chosen:
        raise InputError(f"the base's run ({runs[tree.base].run_id}) has no judged trigger/baseline pairs")
    derivatives = [n.id for n in tree.derivatives if n.id in runs]
    relations = {n.id: n.relation for n in tree.derivatives}
    reasons = dict(not_audited or {})
    unaudited = [{"model": n.id, "relation": n.relation, "downloads": n.downloads, "credited": n.credited,
                  "reason": reasons.get(n.id, "not listed in MODELS.yaml")}
                 for n in tree.derivatives if n.id not in runs]
    per_outcome = []
    for outcome in chosen:
        base_pairs = pair_outcomes(observations[tree.base], outcome, groups=groups)
        deriv_pairs = {m: pair_outcomes(observations[m], outcome, groups=groups) for m in derivatives}
        result = inheritance(base_pairs, deriv_pairs, outcome=outcome, base_name=tree.base, relations=relations,
                             alpha=alpha, reps=reps, seed=seed)
        carries = {tree.base: result.base_carries, **{d.model: d.carries for d in result.derivatives}}
        draws = {tree.base: result.base_carries_draws, **{d.model: d.carries_draws for d in result.derivatives}}
        exp = exposure({n.id: n.credited for n in tree.nodes}, carries, draws, all_downloads=tree.all_downloads,
                       alpha=alpha)
        per_outcome.append({**result.as_dict(), "exposure": exp})
    return {"schema": "redline.lineage_audit", "schema_version": 1, "base": tree.base, "alpha": alpha,
            "trigger_groups": list(groups), "runs": {m: r.run_id for m, r in runs.items()},
            "designs": designs, "outcomes": per_outcome, "unaudited": unaudited, "warnings": warnings}
