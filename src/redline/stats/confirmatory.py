"""The confirmatory family of the study design (issue 12): each sensitive trigger against its matched control.

A trigger effect is "political" only if it survives comparison with a control sentence of the same shape,
placement and length that names an ordinary place or group, so the confirmatory contrasts pair each
sensitive condition with its matched control(s) on ``pair_key`` (same task, replicate and seed; both arms are
triggered). The outcomes are pre-registered (``PREREGISTERED``, written into the manifest before any result):
(a) no usable code and (b) vulnerable given valid code, with worst/best-case bounds over the pairs lost to (a).
Tasks are the clusters (``stats.clustered``): the paired t-test on per-task sums, a cluster-robust interval,
and a contrast with fewer than ``MIN_CLUSTERS`` tasks is reported but never significant.

Families: one Holm family per pre-registered code outcome whose size is the number of (sensitive, control)
contrasts actually run (one per sensitive trigger in the shipped suite, the planner's ``family``). Other-country
counterparts are secondary (Benjamini-Hochberg, with the baseline contrasts). The question outcomes are one
Holm family over sensitive vs control topics (``stats.language.topic_contrasts``, clustered on the topic).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from redline.stats.clustered import ClusteredContrast, ClusterSums, cluster_sums, clustered_contrast
from redline.stats.contrasts import index_pairs
from redline.stats.multiplicity import adjust
from redline.stats.observations import Observation
from redline.stats.preregistered import CODE_DESCRIPTIONS
from redline.stats.preregistered import QUESTION_OUTCOMES as QUESTION_OUTCOMES
from redline.stats.preregistered import preregistered as preregistered
from redline.stats.records import Contrast
from redline.stats.usable import (
    bounded_vulnerable_difference,
    category,
    marginal_homogeneity_clustered,
    no_usable_code,
    vulnerable_given_valid,
)

CODE_OUTCOMES: dict[str, tuple[Callable[[str | None], int | None], str]] = {
    "no_usable_code": (no_usable_code, CODE_DESCRIPTIONS["no_usable_code"]),
    "vulnerable_valid": (vulnerable_given_valid, CODE_DESCRIPTIONS["vulnerable_valid"]),
}


def _row(cc: ClusteredContrast, sums: ClusterSums) -> dict[str, Any]:
    n = cc.pairs
    b, c = int(sums.b.sum()), int(sums.c.sum())
    both = int(sums.x.sum()) - b
    sums_x, sums_y = float(sums.x.sum()), float(sums.y.sum())
    return {"n_pairs": n, "table": {"both": both, "control_only": b, "condition_only": c, "neither": n - both - b - c},
            "clusters": cc.clusters, "max_pairs_per_cluster": cc.max_pairs_per_cluster,
            "rate_control": sums_x / n if n else None, "rate_condition": sums_y / n if n else None,
            "difference": cc.difference, "ci": cc.ci.as_list(), "ci_method": "cluster-robust-t", "p": cc.p,
            "risk_ratio": cc.risk_ratio, "rr_ci": cc.rr_ci.as_list(), "reliable": cc.reliable, "test": cc.test,
            "note": cc.note, "testable": n > 0}


Members = list[tuple[Observation, Observation]]


def matched_members(obs: Sequence[Observation], condition: str, control: str) -> Members:
    """(control, condition) observations of the same pair key, both analysable."""
    index = index_pairs(obs, "code")
    return [(m[control], m[condition]) for m in index.values()
            if control in m and condition in m and m[control].ok and m[condition].ok]


def outcome_sums(members: Members, value: Callable[[str | None], int | None]) -> ClusterSums | None:
    """Per-task sums of one outcome over the pairs where both members have a value (None when none has)."""
    clusters, first, second = [], [], []
    for ctrl, sens in members:
        vf, vs = value(ctrl.label), value(sens.label)
        if vf is not None and vs is not None:
            clusters.append(ctrl.cluster)
            first.append(vf)
            second.append(vs)
    return cluster_sums(clusters, first, second) if clusters else None


def contrast_arms(obs: Sequence[Observation], matching: Mapping[str, Mapping[str, Any]]
                  ) -> list[tuple[str, str, str]]:
    """(sensitive, reference, family) of every code contrast the design asks for among the conditions run:
    each matched control (confirmatory) and the counterpart (secondary)."""
    run = {o.condition_id for o in obs if o.kind == "code"}
    out = []
    for sensitive in sorted(matching):
        if sensitive not in run:
            continue
        entry = matching[sensitive]
        out += [(sensitive, c, "confirmatory") for c in entry.get("controls") or () if c in run]
        counterpart = entry.get("counterpart")
        if counterpart and counterpart in run:
            out.append((sensitive, counterpart, "secondary"))
    return out


def matched_pair_contrasts(obs: Sequence[Observation], condition: str, control: str, *, alpha: float,
                                family: str) -> list[Contrast]:
    """Contrasts of ``condition`` (sensitive) against ``control`` on each pre-registered code outcome."""
    members = matched_members(obs, condition, control)
    out: list[Contrast] = []
    for name, (value, _) in CODE_OUTCOMES.items():
        sums = outcome_sums(members, value)
        if sums is None:
            continue
        cc = clustered_contrast(sums, alpha=alpha)
        row: dict[str, Any] = {"id": f"code/{name}/{condition}~{control}", "kind": "code", "outcome": name,
                               "condition": condition, "control": control, "condition_group": "sensitive",
                               "family": family, **_row(cc, sums)}
        if name == "vulnerable_valid":
            b = bounded_vulnerable_difference([c.label for c, _ in members], [s.label for _, s in members], alpha)
            row["bounds"] = {"complete_pairs": b.complete_pairs, "lost_pairs": b.lost_pairs,
                             "lower": b.lower_bound, "upper": b.upper_bound, "ci": b.bounds_ci.as_list(),
                             "method": "worst/best-case imputation of members lost to no usable code, "
                                       "Newcombe limits (pairs taken as independent)"}
        else:
            cats = [(ctrl.cluster, category(ctrl.label), category(sens.label)) for ctrl, sens in members]
            kept = [(cl, f, s) for cl, f, s in cats if f is not None and s is not None]
            if kept:
                test = marginal_homogeneity_clustered([k[0] for k in kept], [int(k[1]) for k in kept],
                                                      [int(k[2]) for k in kept])
                row["three_category"] = {"statistic": test.statistic, "df": test.df, "p": test.p,
                                         "method": test.method}
        out.append(Contrast(row))
    return out


def matched_contrasts(obs: Sequence[Observation], matching: Mapping[str, Mapping[str, Any]], *, alpha: float
                      ) -> list[Contrast]:
    """Every sensitive condition run against each of its matched controls run (confirmatory), and against its
    other-country counterpart when run (secondary). ``matching``: sensitive id -> {controls, counterpart}."""
    out: list[Contrast] = []
    for sensitive, reference, family in contrast_arms(obs, matching):
        out.extend(matched_pair_contrasts(obs, sensitive, reference, alpha=alpha, family=family))
    return out


def apply_confirmatory(rows: Sequence[Contrast], alpha: float) -> list[Contrast]:
    """Holm within each confirmatory family (one per outcome); significance needs a reliable test. Returns the
    contrasts with their family fields, in the order given.

    Contrasts no test could reject (no pair) do not count in the family size."""
    families: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        families.setdefault(f"confirmatory:{r.kind}/{r.outcome}" if r.kind == "code"
                            else f"confirmatory:{r.kind}", []).append(i)
    out = list(rows)
    for name, members in families.items():
        ps = [rows[i].p if rows[i].testable else None for i in members]
        for i, ph, pb in zip(members, adjust(ps, "holm"), adjust(ps, "bh"), strict=True):
            out[i] = rows[i].with_fields(
                family="confirmatory", family_name=name, family_size=sum(p is not None for p in ps),
                p_holm=ph, p_bh=pb, p_adjusted=ph, adjust_method="holm",
                significant=rows[i].reliable and ph is not None and ph <= alpha)
    return out
