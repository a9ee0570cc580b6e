"""All statistics of one run as typed records (``stats/records.py: Stats``, whose ``to_json`` is ``stats.json``,
versioned schema): a pure function of the run's records.

Families for multiple testing. A run planned with the study design (its manifest has a ``design`` block,
issue 12): the confirmatory family is each sensitive trigger against its matched control(s) on the
pre-registered code outcomes (``stats.confirmatory``; Holm per outcome, tasks as clusters) and sensitive vs
control topics on the four answer outcomes (Holm); baseline, other-country and every other contrast are
secondary (Benjamini-Hochberg). An older run (no design block): every sensitive trigger against baseline on
``vulnerable`` (Holm). Both adjusted values are given for every contrast; ``p_adjusted`` is its family's.
A contrast whose test is flagged unreliable (``reliable: false``) is never significant.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from redline import __version__
from redline.records import RunData
from redline.stats.calibration import calibrate
from redline.stats.code_language import by_code_language
from redline.stats.confirmatory import QUESTION_OUTCOMES, apply_confirmatory, matched_contrasts
from redline.stats.contrasts import (
    condition_contrasts,
    conditions_in_order,
    kill_switch_rates,
    label_counts,
    rates_by_condition,
    topic_language_matrix,
)
from redline.stats.decision import decision, pairs_for, planning_rate
from redline.stats.judge_error import OutcomeCalibration, judge_error_stats
from redline.stats.language import difference_in_differences, language_contrasts, topic_contrasts
from redline.stats.multiplicity import adjust
from redline.stats.observations import Observation, ObservationSet, count_statuses, load_observations
from redline.stats.outcomes import EXEC_LABELS, EXEC_OUTCOMES, OUTCOMES, PRIMARY
from redline.stats.plan import detectable_difference
from redline.stats.provider import provider_rates
from redline.stats.records import Contrast, Stats, thaw
from redline.stats.sequential_run import sequential_summary

STATS_SCHEMA = "redline.stats"
STATS_VERSION = 1
CONFIRMATORY_GROUP = "sensitive"


def is_confirmatory(contrast: Contrast) -> bool:
    return (contrast.kind == "code" and contrast.outcome == PRIMARY
            and contrast.condition_group == CONFIRMATORY_GROUP and bool(contrast.condition))


def apply_families(confirmatory: Sequence[Contrast], exploratory: Sequence[Contrast], alpha: float
                   ) -> tuple[list[Contrast], list[Contrast]]:
    """Both families with p_holm, p_bh, p_adjusted, adjust_method, family and significant set on each contrast.

    Contrasts that no test could ever reject (no discordant pair, no variation) do not count in the family
    size (Tarone 1990: a test whose smallest attainable p-value is 1 cannot make a false claim); their
    adjusted p-values are 1.
    """
    out: list[list[Contrast]] = []
    for family, rows, method in (("confirmatory", confirmatory, "holm"), ("exploratory", exploratory, "bh")):
        ps = [r.p if r.testable else None for r in rows]
        adjusted = []
        for r, ph, pb in zip(rows, adjust(ps, "holm"), adjust(ps, "bh"), strict=True):
            if r.p is not None and not r.testable:
                ph = pb = 1.0
            chosen = ph if method == "holm" else pb
            adjusted.append(r.with_fields(family=family, p_holm=ph, p_bh=pb, p_adjusted=chosen, adjust_method=method,
                                          significant=r.reliable and chosen is not None and chosen <= alpha))
        out.append(adjusted)
    return out[0], out[1]


def _phi(table: Mapping[str, int]) -> float:
    a, b, c, d = (table["both"], table["baseline_only"], table["condition_only"], table["neither"])
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    return (a * d - b * c) / math.sqrt(margins) if margins else 0.0


def plan_figures(confirmatory: Sequence[Contrast], *, alpha: float, power: float = 0.8) -> dict[str, Any]:
    """For each confirmatory contrast: pairs needed to detect the observed effect, and the smallest effect
    the current number of pairs detects, at alpha / K (Bonferroni, first step of Holm)."""
    k = max(1, len(confirmatory))
    a = alpha / k
    rows = []
    for c in confirmatory:
        p0, p1, n = c.rate("rate_baseline"), c.rate("rate_condition"), c.n_pairs or 0
        row: dict[str, Any] = {"id": c.id, "condition": c.condition, "n_pairs": n, "rate_baseline": p0,
                               "rate_condition": p1, "pairs_needed": None, "detectable_difference": None}
        if p0 is not None and p1 is not None and n:
            corr = _phi(c.table)
            row["paired_correlation"] = corr
            row["detectable_difference"] = detectable_difference(planning_rate(p0, n), n, alpha=a, power=power,
                                                                 corr=max(corr, 0.0))
            if p1 != p0:  # an observed 0% or 100% is planned as 0.5/n from the edge, never n/a
                row["pairs_needed"] = pairs_for(p0, p1, n, alpha=a, power=power, corr=corr)
                row["edge_rate_adjusted"] = p0 in (0, 1) or p1 in (0, 1)
        rows.append(row)
    return {"power": power, "alpha_per_contrast": a, "contrasts": k, "adjustment": "bonferroni", "rows": rows}


def _counts(obs: Sequence[Observation]) -> dict[str, Any]:
    by_kind = {kind: count_statuses([o for o in obs if o.kind == kind]) for kind in sorted({o.kind for o in obs})}
    return {**count_statuses(obs), "by_kind": by_kind}


def _clean(value: Any) -> Any:
    """Non-finite floats become None so the result is strict JSON."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def secondary_labels(obs_set: ObservationSet) -> dict[str, Any]:
    """Label counts per condition of the judges whose verdicts the outcomes do not count (a judge model, a
    plug-in): reported, never tested."""
    by_trial = {o.trial_id: o for o in obs_set.observations}
    out: dict[str, Any] = {}
    for judge, trial_id, label in obs_set.secondary:
        o = by_trial.get(trial_id)
        if o is None:
            continue
        entry = out.setdefault(judge, {"kind": o.kind, "n": 0, "labels": {}})
        entry["n"] += 1
        per = entry["labels"].setdefault(o.condition_id, {})
        per[label] = per.get(label, 0) + 1
    return out


def compute_stats(data: RunData, *, alpha: float = 0.05, bootstrap: int = 2000, seed: int | None = None,
                  calibrations: Sequence[OutcomeCalibration] = (),
                  sequential: Mapping[str, Any] | None = None) -> Stats:
    """Statistics of a run from its planned trials, generations and the manifest judges' verdicts (and, for a
    sequential run, its saved stopping decisions, which the report then leads with).

    ``calibrations`` (the judge's measured confusion counts per outcome) add ``judge_error``: rates and contrasts
    corrected for the judge's sensitivity and specificity (``stats/judge_error.py``).
    """
    manifest = data.manifest
    obs_set = load_observations(data)
    obs = obs_set.observations
    seed = manifest.seed if seed is None else seed
    contrasts = condition_contrasts(obs, alpha=alpha, seed=seed, reps=bootstrap, primary=obs_set.primary)
    language = language_contrasts(obs, alpha=alpha, seed=seed, reps=bootstrap)
    topics = topic_contrasts(obs, alpha=alpha, seed=seed, reps=bootstrap)
    did = difference_in_differences(obs, alpha=alpha, seed=seed, reps=bootstrap)
    design = dict(manifest.design)
    matched: list[Contrast] = []
    if design:  # the study design: sensitive vs matched control, pre-registered outcomes
        matched = matched_contrasts(obs, design.get("matching") or {}, alpha=alpha)
        conf_topics = {t.id for t in topics if t.language == "all" and t.outcome in QUESTION_OUTCOMES}
        confirmatory = apply_confirmatory([m for m in matched if m.family == "confirmatory"]
                                          + [t for t in topics if t.id in conf_topics], alpha)
        _, exploratory = apply_families([], [*contrasts, *(m for m in matched if m.family == "secondary"), *language,
                                             *(t for t in topics if t.id not in conf_topics), *did], alpha)
        legacy_confirmatory: list[Contrast] = []
    else:
        confirmatory, exploratory = apply_families(
            [c for c in contrasts if is_confirmatory(c)],
            [c for c in contrasts if not is_confirmatory(c)] + language + topics + did, alpha)
        legacy_confirmatory = confirmatory
    adjusted = {c.id: c for c in (*confirmatory, *exploratory)}  # every list shows its contrasts as adjusted
    contrasts, matched, language, topics, did = ([adjusted.get(c.id, c) for c in rows]
                                                 for rows in (contrasts, matched, language, topics, did))
    counts = _counts(obs)
    warnings = list(obs_set.warnings)
    if counts["missing"]:
        warnings.append(f"{counts['missing']} planned trial(s) have no generation (missing)")
    if counts["errored"]:
        warnings.append(f"{counts['errored']} generation(s) ended in an error")
    if counts["unjudged"]:
        warnings.append(f"{counts['unjudged']} generation(s) have no verdict from the run's judge")
    if counts["judge_error"]:
        warnings.append(f"{counts['judge_error']} verdict(s) are judge errors")
    noted = [c.id for c in [*contrasts, *matched, *language, *topics, *did] if c.note]
    if noted:
        warnings.append(f"{len(noted)} contrast(s) carry a note on their method (too few cases or question groups "
                        f"for a clustered analysis), e.g. {', '.join(noted[:3])}: see their rows")
    result = {
        "schema": STATS_SCHEMA, "schema_version": STATS_VERSION, "run_id": manifest.run_id,
        "redline_version": __version__, "alpha": alpha, "seed": seed, "bootstrap_reps": bootstrap,
        "judges": dict(sorted(obs_set.judges.items())), "backend": dict(manifest.backend),
        "counts": counts,
        "conditions": [{"id": cid, "group": group} for cid, group in conditions_in_order(obs)],
        "outcomes": [{"name": o.name, "kind": o.kind, "description": o.description, "primary": o.name == PRIMARY}
                     for o in OUTCOMES if o not in EXEC_OUTCOMES or any(x.label in EXEC_LABELS for x in obs)],
        "rates": rates_by_condition(obs, alpha=alpha),
        "labels": label_counts(obs),
        "kill_switch": kill_switch_rates(obs, alpha=alpha),
        "topic_language": topic_language_matrix(obs),
        "contrasts": contrasts,
        "matched": matched,
        "language": language,
        "topics": topics,
        "did": did,
        "families": {"confirmatory": {"method": "holm", "ids": [c.id for c in confirmatory]},
                     "exploratory": {"method": "bh", "ids": [c.id for c in exploratory]}},
        "plan": plan_figures(legacy_confirmatory, alpha=alpha),
        "decision": decision(confirmatory if design else contrasts, language, alpha=alpha,
                             replicates=int(manifest.config.get("replicates") or 1)),
        "warnings": warnings,
    }
    if design:
        result["design"] = {"outcomes": design.get("outcomes"), "matching": design.get("matching") or {},
                            "replicates": design.get("replicates")}
    result["provider"] = provider_rates(obs, alpha=alpha)
    seq = sequential_summary(sequential)
    if seq is not None:
        result["sequential"] = seq
        warnings.append("sequential run: lead with the sequential decisions and their repeated confidence "
                        "intervals; the contrasts' fixed-sample intervals and p-values are naive after an early stop")
    judge_error = judge_error_stats(obs, calibrations, level=1 - alpha, n_boot=bootstrap, seed=seed)
    if judge_error is not None:  # only when the caller gave the judge's calibration
        result["judge_error"] = judge_error.to_dict()
    split = by_code_language(obs, data.cases, alpha=alpha, seed=seed, reps=bootstrap)
    if split is not None:  # every code contrast per programming language, pooled with language as a stratum
        result["code_languages"] = split
    secondary = secondary_labels(obs_set)
    if secondary:  # only runs with a judge model or a plug-in judge carry this block
        result["secondary_judges"] = secondary
    calibration = calibrate(data)
    if calibration is not None:  # only runs whose code was exploit-verified (a harness and a sandbox)
        result["calibration"] = calibration.to_dict()
    return Stats.from_json(_clean(thaw(result)))  # the records as stats.json has them (strict JSON numbers)
