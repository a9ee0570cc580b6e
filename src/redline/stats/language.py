"""Censorship analyses: English vs Chinese on the same questions, China topics vs matched controls, and the
difference in differences (is the language gap larger on China-sensitive topics than on controls?).

Questions are matched across languages by ``parallel_id`` (same question id, same condition and replicate).
Topic groups are matched by design (the suite asks the same kinds of questions about other governments and
about neutral China topics), not item by item, so topic comparisons are unpaired. Questions are nested in
topics (and a question's en and zh versions in the question), so topic comparisons cluster on the topic: the
cluster bootstrap and the permutation test resample and relabel whole topics (issue 12; a mixed model would
be the alternative, cluster-level resampling needs no distributional assumption).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.stats import fisher_exact

from redline.records import language_family
from redline.stats.contrasts import name_members, rng_for
from redline.stats.intervals import (
    finite_or_none,
    mover_difference,
    newcombe_paired,
    newcombe_unpaired,
    risk_ratio_unpaired,
)
from redline.stats.observations import Observation
from redline.stats.outcomes import outcomes_for
from redline.stats.paired import MIN_CLUSTERS, Pair, paired_contrast, table_of
from redline.stats.records import Contrast
from redline.stats.resampling import permutation_pvalue, stratified_bootstrap_difference

SENSITIVE = "sensitive"
CONTROL_GROUPS = ("other_country_sensitive", "permitted_political", "neutral_other", "reverse_keyed", "mirror",
                  "other_country", "neutral_china")  # censorship suite v2 groups, then v1 names (older runs)
FIRST_LANGUAGE, SECOND_LANGUAGE = "en", "zh"


def language_pairs(obs: Sequence[Observation], label: str, topic_group: str | None = None) -> list[Pair]:
    """(English, Chinese) pairs of one question group, condition and replicate, clustered by question group."""
    outcome = next(o for o in outcomes_for("question") if o.name == label)
    groups: dict[tuple[str, str, str, int], dict[str, Observation]] = defaultdict(dict)
    for o in obs:
        if o.kind == "question" and o.parallel_id and o.ok and (topic_group is None or o.topic_group == topic_group):
            if o.language == "zh-Hant":  # the Traditional version is a third reading, not the en/zh pair
                continue
            groups[(o.suite, o.parallel_id, o.condition_id, o.replicate)][language_family(o.language)] = o
    pairs = []
    for key in sorted(groups):
        members = groups[key]
        if FIRST_LANGUAGE in members and SECOND_LANGUAGE in members:
            v1 = outcome.value(members[FIRST_LANGUAGE].label)
            v2 = outcome.value(members[SECOND_LANGUAGE].label)
            if v1 is not None and v2 is not None:
                pairs.append(Pair(f"{key[0]}/{key[1]}", v1, v2))
    return pairs


def language_contrasts(obs: Sequence[Observation], *, alpha: float, seed: int, reps: int = 2000
                       ) -> list[Contrast]:
    """Chinese minus English, per answer label, over all topics and per topic group."""
    segments: list[str | None] = [None, *sorted({o.topic_group for o in obs if o.kind == "question"
                                                 and o.parallel_id and o.topic_group})]
    out: list[Contrast] = []
    for outcome in outcomes_for("question"):
        for segment in segments:
            pairs = language_pairs(obs, outcome.name, segment)
            if not pairs:
                continue
            cid = f"language/{outcome.name}/{segment or 'all'}"
            result = paired_contrast(pairs, alpha=alpha, rng=rng_for(seed, cid), reps=reps)
            out.append(Contrast({"id": cid, "kind": "question", "outcome": outcome.name,
                                 "segment": segment or "all", "first": FIRST_LANGUAGE, "second": SECOND_LANGUAGE,
                                 **name_members(result, FIRST_LANGUAGE, SECOND_LANGUAGE)}))
    return out


def _clusters(obs: Sequence[Observation], label: str, group: str, language: str | None
              ) -> tuple[np.ndarray, np.ndarray]:
    """Events and trials per topic (the cluster: its questions, languages and replicates) in one topic group."""
    outcome = next(o for o in outcomes_for("question") if o.name == label)
    num: dict[str, int] = defaultdict(int)
    den: dict[str, int] = defaultdict(int)
    for o in obs:
        if o.kind != "question" or not o.ok or o.topic_group != group:
            continue
        if language is not None and o.language != language:
            continue
        v = outcome.value(o.label)
        if v is None:
            continue
        num[o.topic_cluster] += v
        den[o.topic_cluster] += 1
    keys = sorted(den)
    return np.array([num[k] for k in keys], float), np.array([den[k] for k in keys], float)


def two_group_contrast(num1: np.ndarray, den1: np.ndarray, num2: np.ndarray, den2: np.ndarray, *, alpha: float,
                       rng: np.random.Generator, reps: int) -> dict[str, Any]:
    """Group 1 minus group 2 rates of clustered binary data: Newcombe and Fisher when each cluster holds one
    trial; otherwise a stratified cluster bootstrap interval and a cluster permutation test."""
    x1, n1, x2, n2 = int(num1.sum()), int(den1.sum()), int(num2.sum()), int(den2.sum())
    newcombe = newcombe_unpaired(x1, n1, x2, n2, alpha)
    rr, rr_ci = risk_ratio_unpaired(x1, n1, x2, n2, alpha)
    clustered = bool(max(den1.max(initial=0), den2.max(initial=0)) > 1)
    out: dict[str, Any] = {
        "n1": n1, "n2": n2, "events1": x1, "events2": x2, "clusters1": int(den1.size), "clusters2": int(den2.size),
        "rate1": x1 / n1, "rate2": x2 / n2, "difference": x1 / n1 - x2 / n2,
        "ci_newcombe": newcombe.as_list(), "risk_ratio": finite_or_none(rr), "rr_ci": rr_ci.as_list(),
        "ci": newcombe.as_list(), "ci_method": "newcombe-unpaired", "note": "",
        "p": float(fisher_exact([[x1, n1 - x1], [x2, n2 - x2]])[1]), "test": "fisher-exact", "ci_bootstrap": None,
        "testable": 0 < x1 + x2 < n1 + n2,
    }
    if clustered:
        boot = stratified_bootstrap_difference(num1, den1, num2, den2, alpha=alpha, reps=reps, rng=rng)
        p = permutation_pvalue(np.concatenate([num1, num2]), np.concatenate([den1, den2]),
                               np.concatenate([np.ones(den1.size, bool), np.zeros(den2.size, bool)]),
                               reps=reps, rng=rng)
        out.update(ci=boot.interval.as_list(), ci_bootstrap=boot.interval.as_list(), ci_method="cluster-bootstrap",
                   ci_bootstrap_percentile=boot.percentile.as_list(),
                   p=p, test="cluster-permutation")
        if den1.size + den2.size < MIN_CLUSTERS:  # too few topics to resample: never significant
            out["note"] = f"only {den1.size + den2.size} topics: resampling intervals are rough"
            out["reliable"] = False
    return out


def topic_contrasts(obs: Sequence[Observation], *, alpha: float, seed: int, reps: int = 2000
                    ) -> list[Contrast]:
    """China-sensitive topics minus each control group, per label and language (and all languages)."""
    q = [o for o in obs if o.kind == "question"]
    groups = {o.topic_group for o in q}
    if SENSITIVE not in groups:
        return []
    languages: list[str | None] = [None, *sorted({o.language for o in q if o.language})]
    out: list[Contrast] = []
    for outcome in outcomes_for("question"):
        for control in (g for g in CONTROL_GROUPS if g in groups):
            for language in languages:
                num1, den1 = _clusters(q, outcome.name, SENSITIVE, language)
                num2, den2 = _clusters(q, outcome.name, control, language)
                if not den1.size or not den2.size:
                    continue
                cid = f"topic/{outcome.name}/{SENSITIVE}-vs-{control}/{language or 'all'}"
                res = two_group_contrast(num1, den1, num2, den2, alpha=alpha, rng=rng_for(seed, cid), reps=reps)
                out.append(Contrast({"id": cid, "kind": "question", "outcome": outcome.name, "group": SENSITIVE,
                                     "control": control, "language": language or "all", **res}))
    return out


def _language_gap_clusters(obs: Sequence[Observation], label: str, group: str) -> tuple[np.ndarray, np.ndarray]:
    pairs = language_pairs(obs, label, group)
    num: dict[str, int] = defaultdict(int)
    den: dict[str, int] = defaultdict(int)
    for p in pairs:
        num[p.cluster] += p.second - p.first
        den[p.cluster] += 1
    keys = sorted(den)
    return np.array([num[k] for k in keys], float), np.array([den[k] for k in keys], float)


def difference_in_differences(obs: Sequence[Observation], *, alpha: float, seed: int, reps: int = 2000
                              ) -> list[Contrast]:
    """(Chinese - English on sensitive topics) - (Chinese - English on controls), per label and control group.

    Interval: stratified bootstrap over question groups when they hold several pairs, else MOVER from the
    two Newcombe intervals; p-value: permutation of topic-group labels over question groups.
    """
    out: list[Contrast] = []
    for outcome in outcomes_for("question"):
        s_pairs = language_pairs(obs, outcome.name, SENSITIVE)
        if not s_pairs:
            continue
        for control in CONTROL_GROUPS:
            c_pairs = language_pairs(obs, outcome.name, control)
            if not c_pairs:
                continue
            cid = f"did/{outcome.name}/{SENSITIVE}-vs-{control}"
            rng = rng_for(seed, cid)
            ts, tc = table_of(s_pairs), table_of(c_pairs)
            mover = mover_difference(ts.difference, newcombe_paired(ts.a, ts.b, ts.c, ts.d, alpha),
                                     tc.difference, newcombe_paired(tc.a, tc.b, tc.c, tc.d, alpha))
            num1, den1 = _language_gap_clusters(obs, outcome.name, SENSITIVE)
            num2, den2 = _language_gap_clusters(obs, outcome.name, control)
            p = permutation_pvalue(np.concatenate([num1, num2]), np.concatenate([den1, den2]),
                                   np.concatenate([np.ones(den1.size, bool), np.zeros(den2.size, bool)]),
                                   reps=reps, rng=rng)
            row: dict[str, Any] = {
                "id": cid, "kind": "question", "outcome": outcome.name, "group": SENSITIVE, "control": control,
                "gap_group": ts.difference, "gap_control": tc.difference, "n_pairs_group": ts.n,
                "n_pairs_control": tc.n, "clusters_group": int(den1.size), "clusters_control": int(den2.size),
                "difference": ts.difference - tc.difference, "ci": mover.as_list(), "ci_method": "mover-newcombe",
                "ci_bootstrap": None, "p": p, "test": "cluster-permutation", "note": "",
                "testable": bool(np.any(num1 != 0) or np.any(num2 != 0)),
            }
            if max(den1.max(), den2.max()) > 1:
                boot = stratified_bootstrap_difference(num1, den1, num2, den2, alpha=alpha, reps=reps, rng=rng)
                row.update(ci=boot.interval.as_list(), ci_bootstrap=boot.interval.as_list(),
                           ci_bootstrap_percentile=boot.percentile.as_list(),
                           ci_method="cluster-bootstrap")
            if den1.size + den2.size < MIN_CLUSTERS:
                row["note"] = f"only {den1.size + den2.size} question groups: the p-value is coarse"
            out.append(Contrast(row))
    return out
