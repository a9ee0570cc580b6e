"""Several runs side by side (e.g. two models on the same suite), and how much a trigger's effect differs.

Runs are independent samples (different models). For a paired contrast the difference of the two models'
effects is tested with the score test of ``stats.effect_difference`` (variances at the restricted fit under
equal effects), and its interval comes from the same test; with replicates, the two runs are paired by task
(``effect_difference_clustered``: a t-test over tasks, interval from the same t). Other contrasts (unpaired
topic and difference-in-differences rows) get the MOVER interval (Zou & Donner 2008) and the p-value of that
interval (``mover_p``). Every p-value agrees with its interval: p < alpha exactly when the interval excludes 0.
The first run is the reference; differences are the other run minus the reference.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from scipy.stats import norm

from redline.records import RunData
from redline.stats.clustered import ClusterSums
from redline.stats.compute import compute_stats
from redline.stats.effect_difference import PairedCounts, effect_difference_clustered, effect_difference_test
from redline.stats.intervals import Interval, finite_or_none, mover_difference
from redline.stats.multiplicity import adjust

COMPARE_SCHEMA = "redline.compare"
COMPARE_VERSION = 1
CONTRAST_SECTIONS = ("matched", "contrasts", "language", "topics", "did")


def _sums_of(sums: Sequence[Mapping[str, ClusterSums]] | None, i: int, j: int, cid: str
             ) -> tuple[ClusterSums, ClusterSums] | None:
    if sums is None or cid not in sums[i] or cid not in sums[j]:
        return None
    return sums[i][cid], sums[j][cid]


def run_label(stats: Mapping[str, Any]) -> str:
    model = str(stats.get("backend", {}).get("model", "") or "")
    return f"{model} ({stats.get('run_id')})" if model else str(stats.get("run_id"))


def _contrast_view(c: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("difference", "ci", "ci_method", "se", "p", "p_adjusted", "significant", "n_pairs", "family")
    return {k: c.get(k) for k in keys}


def _index(stats: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: {**c, "section": section} for section in CONTRAST_SECTIONS for c in stats.get(section, [])}


def _paired_counts(c: Mapping[str, Any]) -> PairedCounts | None:
    table = c.get("table") or {}
    firsts = [v for k, v in table.items() if k.endswith("_only") and k != "condition_only" and k != "zh_only"]
    second = table.get("condition_only", table.get("zh_only"))
    if len(firsts) != 1 or second is None or not c.get("n_pairs"):
        return None
    return PairedCounts(b=int(firsts[0]), c=int(second), n=int(c["n_pairs"]))


def effect_difference(ref: Mapping[str, Any], other: Mapping[str, Any], *, alpha: float = 0.05,
                      sums: tuple[ClusterSums, ClusterSums] | None = None) -> dict[str, Any]:
    """Other minus reference effect. Paired contrasts: score test and its interval (by task with ``sums`` of
    replicated runs); otherwise MOVER interval from both intervals and a Wald p-value from both SEs."""
    replicated = max(int(ref.get("max_pairs_per_cluster") or 1), int(other.get("max_pairs_per_cluster") or 1)) > 1
    if sums is not None and replicated:
        res = effect_difference_clustered(sums[0], sums[1], alpha)
        return {"difference": res.difference, "ci": res.ci.as_list(), "p": res.p, "test": res.test}
    counts = (_paired_counts(ref), _paired_counts(other))
    if counts[0] is not None and counts[1] is not None:
        res = effect_difference_test(counts[0], counts[1], alpha)
        out = {"difference": res.difference, "ci": res.ci.as_list(), "p": res.p, "test": res.test}
        if replicated:  # no per-task sums at hand: replicates pooled, so the test is not trusted
            out.update(note="replicates pooled as independent pairs: p may be too small", reliable=False)
        return out
    return _mover_difference(ref, other, alpha)


def _mover_difference(ref: Mapping[str, Any], other: Mapping[str, Any], alpha: float = 0.05) -> dict[str, Any]:
    """Other minus reference effect: MOVER interval from both intervals, and the p-value of the same interval
    (``mover_p``), so p < alpha exactly when the interval excludes 0. Without intervals: Wald from both SEs,
    with its own symmetric interval."""
    d0, d1 = ref.get("difference"), other.get("difference")
    ci0, ci1 = ref.get("ci") or [None, None], other.get("ci") or [None, None]
    out: dict[str, Any] = {"difference": None, "ci": [None, None], "p": None, "test": "mover"}
    if d0 is None or d1 is None:
        return out
    out["difference"] = d1 - d0
    q = float(norm.ppf(1 - alpha / 2))
    if None not in (*ci0, *ci1):
        ci = mover_difference(d1, Interval(*ci1), d0, Interval(*ci0))
        out["ci"] = ci.as_list()
        out["p"] = mover_p(d1 - d0, ci, q)
        return out
    se0, se1 = ref.get("se"), other.get("se")
    if se0 is not None and se1 is not None:
        se = math.sqrt(se0 ** 2 + se1 ** 2)
        out.update(test="wald", ci=[d1 - d0 - q * se, d1 - d0 + q * se])
        out["p"] = 1.0 if se == 0 and d1 == d0 else (0.0 if se == 0 else float(2 * norm.sf(abs(d1 - d0) / se)))
    return out


def mover_p(difference: float, ci: Interval, q: float) -> float:
    """Two-sided p-value read off a MOVER interval: the half-width on the side of zero, divided by the
    interval's quantile ``q``, is the standard error the interval used there; p <= alpha exactly when the
    interval (at level 1 - alpha, quantile q) excludes zero."""
    if difference == 0:
        return 1.0
    half = difference - ci.low if difference > 0 else ci.high - difference
    if half <= 0:
        return 0.0
    return float(min(1.0, 2 * norm.sf(abs(difference) / (half / q))))


def compare_stats(stats_list: Sequence[Mapping[str, Any]], *, alpha: float = 0.05,
                  sums: Sequence[Mapping[str, ClusterSums]] | None = None) -> dict[str, Any]:
    """Rates and contrasts of each run side by side, and each run's effects minus the first run's (``sums``:
    each run's per-task sums by contrast id, for replicated runs)."""
    if len(stats_list) < 2:
        raise ValueError("compare needs at least two runs")
    labels = [run_label(s) for s in stats_list]
    rate_keys: dict[tuple[str, str, str], None] = {}
    for s in stats_list:
        for r in s.get("rates", []):
            rate_keys.setdefault((r["kind"], r["outcome"], r["condition"]), None)
    rate_index = [{(r["kind"], r["outcome"], r["condition"]): r for r in s.get("rates", [])} for s in stats_list]
    rates = [{"kind": k, "outcome": o, "condition": c,
              "runs": [({"rate": idx[(k, o, c)]["rate"], "ci": idx[(k, o, c)]["ci"], "n": idx[(k, o, c)]["n"],
                         "events": idx[(k, o, c)]["events"]} if (k, o, c) in idx else None) for idx in rate_index]}
             for (k, o, c) in rate_keys]
    indexes = [_index(s) for s in stats_list]
    ids: dict[str, dict[str, Any]] = {}
    for idx in indexes:
        for cid, c in idx.items():
            ids.setdefault(cid, c)
    contrasts = []
    differences = []
    for cid, first in ids.items():
        views = [(_contrast_view(idx[cid]) if cid in idx else None) for idx in indexes]
        contrasts.append({"id": cid, "section": first["section"], "kind": first.get("kind"),
                          "outcome": first.get("outcome"), "condition": first.get("condition"),
                          "family": first.get("family"), "runs": views})
        ref = indexes[0].get(cid)
        for j in range(1, len(indexes)):
            other = indexes[j].get(cid)
            if ref is None or other is None:
                continue
            differences.append({"id": cid, "section": first["section"], "kind": first.get("kind"),
                                "outcome": first.get("outcome"), "condition": first.get("condition"),
                                "family": first.get("family"), "reference": labels[0], "other": labels[j],
                                **effect_difference(ref, other, alpha=alpha, sums=_sums_of(sums, 0, j, cid))})
    for d, q in zip(differences, adjust([d["p"] for d in differences], "bh"), strict=True):
        d["p_bh"] = q
        d["significant"] = bool(d.pop("reliable", True)) and q is not None and q <= alpha
    warnings = []
    suites = {tuple(sorted(s.get("suites", []))) for s in stats_list}
    if len(suites) > 1:
        warnings.append("runs used different suites or suite versions: contrasts are matched by id")
    return {
        "schema": COMPARE_SCHEMA, "schema_version": COMPARE_VERSION, "alpha": alpha,
        "runs": [{"run_id": s.get("run_id"), "label": label, "backend": s.get("backend", {}),
                  "counts": {k: s.get("counts", {}).get(k) for k in ("planned", "ok", "missing", "errored",
                                                                      "unjudged", "judge_error")}}
                 for s, label in zip(stats_list, labels, strict=True)],
        "rates": rates, "contrasts": contrasts,
        "differences": [{k: (finite_or_none(v) if isinstance(v, float) else v) for k, v in d.items()}
                        for d in differences],
        "warnings": warnings,
    }


def compare_runs(runs: Sequence[RunData], *, alpha: float = 0.05, bootstrap: int = 2000) -> dict[str, Any]:
    """Compute each run's statistics from its verdicts and compare them."""
    from redline.stats.sequential_run import confirmatory_sums

    stats = []
    for run in runs:
        s = compute_stats(run, alpha=alpha, bootstrap=bootstrap).to_json()
        s["suites"] = [f"{ref.name}@{ref.hash}" for ref in run.manifest.suites]
        stats.append(s)
    return compare_stats(stats, alpha=alpha, sums=[confirmatory_sums(run) for run in runs])
