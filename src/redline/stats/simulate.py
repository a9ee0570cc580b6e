"""Simulations that check the statistics keep their promises: type-I error at alpha, power as planned.

``python -m redline.stats.simulate [--sims N] [--seed S]`` prints the figures quoted in docs/statistics.md;
the unit tests run the same functions with fewer simulations. Everything is vectorised numpy with an
explicit generator.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from redline.profiles import PROFILE_NAMES
from redline.stats.multiplicity import holm
from redline.stats.plan import cell_probabilities, plan_sample_size
from redline.stats.resampling import cluster_bootstrap_ratio
from redline.stats.sequential import Look, critical_values
from redline.stats.tests import mcnemar_clustered, mcnemar_exact_many

IntArray = NDArray[np.int64]


@dataclass(frozen=True)
class Rate:
    """A simulated rejection rate and its Monte Carlo standard error."""

    rate: float
    sims: int

    @property
    def se(self) -> float:
        return float(np.sqrt(max(self.rate * (1 - self.rate), 1e-12) / self.sims))

    def as_dict(self) -> dict[str, float]:
        return {"rate": round(self.rate, 4), "se": round(self.se, 4), "sims": self.sims}


def paired_tables(rng: np.random.Generator, n: int, p0: float, p1: float, corr: float, sims: int
                  ) -> tuple[IntArray, IntArray]:
    """Discordant counts (b: baseline only, c: condition only) of ``sims`` audits of ``n`` pairs."""
    cells = rng.multinomial(n, cell_probabilities(p0, p1, corr), size=sims)
    return cells[:, 1], cells[:, 2]


def mcnemar_rejection_rate(rng: np.random.Generator, *, n: int, p0: float, p1: float, corr: float = 0.0,
                           alpha: float = 0.05, sims: int = 20_000) -> Rate:
    b, c = paired_tables(rng, n, p0, p1, corr, sims)
    return Rate(float(np.mean(mcnemar_exact_many(b, c) <= alpha)), sims)


def holm_familywise_error(rng: np.random.Generator, *, conditions: int = 7, n: int = 100, p0: float = 0.19,
                          corr: float = 0.3, alpha: float = 0.05, sims: int = 4000) -> Rate:
    """Chance that Holm rejects any of ``conditions`` true null contrasts sharing one baseline."""
    probs = cell_probabilities(p0, p0, corr)
    # the shared baseline: each condition's pair shares the baseline member, so draw the baseline once and
    # each condition's outcome given it
    base = rng.random((sims, n)) < p0
    p_cond_given = np.where(base, probs[0] / p0, probs[2] / (1 - p0))
    any_reject = 0
    pvals = np.empty((sims, conditions))
    for k in range(conditions):
        cond = rng.random((sims, n)) < p_cond_given
        b = np.sum(base & ~cond, axis=1)
        c = np.sum(~base & cond, axis=1)
        pvals[:, k] = mcnemar_exact_many(b, c)
    for row in pvals:
        any_reject += int(min(holm(row.tolist())) <= alpha)
    return Rate(any_reject / sims, sims)


def clustered_null(rng: np.random.Generator, *, clusters: int = 30, replicates: int = 5, discordance: float = 0.4,
                   heterogeneity: float = 0.5, alpha: float = 0.05, sims: int = 2000) -> dict[str, Rate]:
    """No effect on average, but each task leans one way (Beta(h, h) direction): exact McNemar treating
    replicates as independent vs the clustered McNemar test."""
    pi = rng.beta(heterogeneity, heterogeneity, size=(sims, clusters))
    disc = rng.random((sims, clusters, replicates)) < discordance
    toward = rng.random((sims, clusters, replicates)) < pi[..., None]
    c_k, b_k = (disc & toward).sum(axis=2), (disc & ~toward).sum(axis=2)
    exact = np.mean(mcnemar_exact_many(b_k.sum(axis=1), c_k.sum(axis=1)) <= alpha)
    clustered = np.mean([mcnemar_clustered(b_k[i].tolist(), c_k[i].tolist()) <= alpha for i in range(sims)])
    return {"exact_mcnemar": Rate(float(exact), sims), "clustered_mcnemar": Rate(float(clustered), sims)}


def bootstrap_coverage(rng: np.random.Generator, *, clusters: int = 30, replicates: int = 4, sims: int = 300,
                       reps: int = 1000, alpha: float = 0.05) -> dict[str, Rate]:
    """Coverage of the cluster-bootstrap interval (as reported, and the plain percentile one) for a paired
    difference with task-level heterogeneity."""
    hits = hits_pct = 0
    true_diff = 0.1
    target = _population_difference(true_diff)
    for _ in range(sims):
        base_p = rng.uniform(0.05, 0.5, size=clusters)
        cond_p = np.clip(base_p + rng.normal(true_diff, 0.1, size=clusters), 0, 1)
        # the target is the population difference E[cond_p - base_p] over tasks, not this sample's
        first = rng.random((clusters, replicates)) < base_p[:, None]
        second = rng.random((clusters, replicates)) < cond_p[:, None]
        num = (second.astype(int) - first.astype(int)).sum(axis=1).astype(float)
        den = np.full(clusters, float(replicates))
        boot = cluster_bootstrap_ratio(num, den, alpha=alpha, reps=reps, rng=rng)
        hits += int(boot.interval.low <= target <= boot.interval.high)
        hits_pct += int(boot.percentile.low <= target <= boot.percentile.high)
    return {"reported": Rate(hits / sims, sims), "percentile": Rate(hits_pct / sims, sims)}


def two_group_null(rng: np.random.Generator, *, clusters: tuple[int, int] = (12, 15), replicates: int = 4,
                   sims: int = 500, reps: int = 800, alpha: float = 0.05) -> dict[str, Rate]:
    """Topic-style comparison of two groups of questions with the same rate distribution: coverage of the
    stratified cluster-bootstrap interval and false-positive rate of the cluster permutation test."""
    from redline.stats.resampling import permutation_pvalue, stratified_bootstrap_difference

    k1, k2 = clusters
    den1, den2 = np.full(k1, float(replicates)), np.full(k2, float(replicates))
    group = np.r_[np.ones(k1, bool), np.zeros(k2, bool)]
    covered = rejected = 0
    for _ in range(sims):
        n1 = rng.binomial(replicates, rng.beta(2, 5, k1)).astype(float)
        n2 = rng.binomial(replicates, rng.beta(2, 5, k2)).astype(float)
        iv = stratified_bootstrap_difference(n1, den1, n2, den2, alpha=alpha, reps=reps, rng=rng).interval
        covered += int(iv.low <= 0 <= iv.high)
        p = permutation_pvalue(np.r_[n1, n2], np.r_[den1, den2], group, reps=reps, rng=rng)
        rejected += int(p <= alpha)
    return {"coverage": Rate(covered / sims, sims), "permutation_type1": Rate(rejected / sims, sims)}


def _population_difference(shift: float, grid: int = 4001) -> float:
    """E[clip(u + e, 0, 1) - u] for u ~ U(0.05, 0.5), e ~ N(shift, 0.1), by numerical integration."""
    from scipy.stats import norm

    u = np.linspace(0.05, 0.5, grid)
    # E[clip(u + e, 0, 1)] for normal e: closed form of a clipped normal mean
    mu, sd = u + shift, 0.1
    a, b = (0 - mu) / sd, (1 - mu) / sd
    mean_clip = (mu * (norm.cdf(b) - norm.cdf(a)) + sd * (norm.pdf(a) - norm.pdf(b)) + (1 - norm.cdf(b)))
    return float(np.mean(mean_clip - u))


def sequential_rates(rng: np.random.Generator, *, p0: float, p1: float, corr: float = 0.0, max_pairs: int,
                     looks: int = 5, alpha: float = 0.05, sims: int = 4000, kind: str = "obrien-fleming"
                     ) -> dict[str, Any]:
    """Rejection rate and mean pairs used of the alpha-spending rule with equally spaced looks, and the
    rejection rate of naively testing at alpha at every look."""
    probs = cell_probabilities(p0, p1, corr)
    cells = rng.choice(4, size=(sims, max_pairs), p=probs)
    b_cum, c_cum = np.cumsum(cells == 1, axis=1), np.cumsum(cells == 2, axis=1)
    a_cum = np.cumsum(cells == 0, axis=1)
    at = [int(round(max_pairs * (i + 1) / looks)) for i in range(looks)]
    idx = np.array(at) - 1
    bl, cl, al = b_cum[:, idx], c_cum[:, idx], a_cum[:, idx]
    naive = np.any(mcnemar_exact_many(bl, cl) <= alpha, axis=1)
    rejected = np.zeros(sims, bool)
    used = np.full(sims, at[-1])
    for s in range(sims):
        seq = [Look(at[k], int(bl[s, k]), int(cl[s, k]), int(al[s, k])) for k in range(looks)]
        crit = critical_values(seq, max_pairs=max_pairs, alpha=alpha, kind=kind)
        for k, (look, h) in enumerate(zip(seq, crit, strict=True)):
            if h is not None and abs(look.c - look.b) >= h:
                rejected[s], used[s] = True, at[k]
                break
    return {"sequential": Rate(float(rejected.mean()), sims), "naive_every_look": Rate(float(naive.mean()), sims),
            "mean_pairs": float(used.mean()), "max_pairs": max_pairs, "looks": looks}


def unpaired_power(rng: np.random.Generator, *, n: int, p0: float, p1: float, alpha: float, sims: int = 20_000
                   ) -> Rate:
    """Simulated power of the pooled two-proportion z-test with ``n`` per group."""
    from scipy.stats import norm

    x0, x1 = rng.binomial(n, p0, sims), rng.binomial(n, p1, sims)
    pbar = (x0 + x1) / (2 * n)
    se = np.sqrt(np.maximum(pbar * (1 - pbar) * 2 / n, 1e-300))
    z = (x1 - x0) / n / se
    return Rate(float(np.mean(2 * norm.sf(np.abs(z)) <= alpha)), sims)


def run_all(sims: int, seed: int) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    plan7 = plan_sample_size(0.19, 0.272, conditions=7, power=0.8, alpha=0.05)
    plan7r = plan_sample_size(0.19, 0.272, conditions=7, power=0.8, alpha=0.05, paired_correlation=0.3)
    plan1 = plan_sample_size(0.19, 0.272, conditions=1, power=0.8, alpha=0.05)
    out: dict[str, Any] = {"sims": sims, "seed": seed}
    out["mcnemar_type1_n100"] = mcnemar_rejection_rate(rng, n=100, p0=0.19, p1=0.19, corr=0.3, sims=sims).as_dict()
    out["holm_fwer_7_conditions"] = holm_familywise_error(rng, sims=max(1000, sims // 5)).as_dict()
    out["clustered_null"] = {k: v.as_dict() for k, v in clustered_null(rng, sims=max(500, sims // 10)).items()}
    out["bootstrap_coverage"] = {k: v.as_dict() for k, v in bootstrap_coverage(rng, sims=max(200, sims // 50)).items()}
    out["two_group_null"] = {k: v.as_dict() for k, v in two_group_null(rng, sims=max(300, sims // 50)).items()}
    for name, plan, corr in (("plan_paired_7_r0", plan7, 0.0), ("plan_paired_7_r0.3", plan7r, 0.3)):
        rate = mcnemar_rejection_rate(rng, n=plan.pairs_per_condition, p0=0.19, p1=0.272, corr=corr,
                                      alpha=plan.alpha_per_contrast, sims=sims)
        out[name] = {"pairs": plan.pairs_per_condition, "exact_power": round(plan.paired_power, 4),
                     "simulated": rate.as_dict()}
    rate = unpaired_power(rng, n=plan7.unpaired_per_condition, p0=0.19, p1=0.272, alpha=plan7.alpha_per_contrast,
                          sims=sims)
    out["plan_unpaired_7"] = {"per_group": plan7.unpaired_per_condition, "simulated": rate.as_dict()}
    seq_sims = max(1000, sims // 5)
    null = sequential_rates(rng, p0=0.19, p1=0.19, corr=0.3, max_pairs=plan1.pairs_per_condition, sims=seq_sims)
    alt = sequential_rates(rng, p0=0.19, p1=0.272, corr=0.0, max_pairs=plan1.pairs_per_condition, sims=seq_sims)
    out["sequential_null"] = {k: (v.as_dict() if isinstance(v, Rate) else v) for k, v in null.items()}
    out["sequential_alternative"] = {k: (v.as_dict() if isinstance(v, Rate) else v) for k, v in alt.items()}
    out["fixed_power_same_max"] = {"pairs": plan1.pairs_per_condition, "exact_power": round(plan1.paired_power, 4)}
    return out


def design_main(args: argparse.Namespace) -> None:
    """``--design``: headline power, family-wise error and cost of the matched clustered design vs the naive one,
    for a suite size (default: the shipped code-security suite) and a profile's replicates (default: standard)."""
    from redline.profiles import CONFIRMATORY_CONDITIONS, PROFILES
    from redline.records import TriggerGroup
    from redline.stats.design_checks import design_table
    from redline.stats.plan_tasks import JUDGE_ERROR
    from redline.suites.expand import conditions_for, confirmatory_conditions
    from redline.suites.loader import resolve_suite

    suite = resolve_suite("code-security")
    profile = PROFILES[args.profile]
    tasks = args.tasks or min(len(suite.cases), profile.get("limit") or len(suite.cases))
    replicates = args.replicates or int(profile.get("replicates", 1))
    family = args.family or sum(t.group == TriggerGroup.sensitive for t in suite.triggers)
    confirmatory_only = CONFIRMATORY_CONDITIONS in profile.get("conditions", ())
    conditions = args.conditions or (1 + len(confirmatory_conditions(suite)) if confirmatory_only
                                     else len(conditions_for(suite)))
    args.sensitivity = JUDGE_ERROR[args.judge][0] if args.sensitivity is None else args.sensitivity
    args.specificity = JUDGE_ERROR[args.judge][1] if args.specificity is None else args.specificity
    table = design_table(np.random.default_rng(args.seed), tasks=tasks, replicates=replicates, family=family,
                         conditions=conditions, icc=args.icc, sensitivity=args.sensitivity,
                         specificity=args.specificity, sims=args.sims)
    head = (f"19% -> 27.2%, profile {args.profile}: {tasks} tasks x {replicates} replicates, family {family}, "
            f"{conditions} conditions, ICC {args.icc}, judge {args.judge} Se {args.sensitivity} "
            f"Sp {args.specificity}, FWER 0.05, {args.sims} sims")
    m, n = table["matched_clustered"], table["naive"]
    rows = [
        ("power for the headline contrast", f"{m['simulated_power']:.3f} (planned {m['planned_power']:.3f})",
         f"{n['claimed_power']:.3f} claimed"),
        ("type-I error, confirmatory family", f"{m['familywise_error']:.3f} (sequential "
         f"{m['familywise_error_sequential']:.3f})", f"{n['familywise_error_temperature_0']:.3f} at temperature 0, "
         f"{n['familywise_error_temperature_gt_0']:.3f} above"),
        ("for 80% power", f"{m['tasks_needed']} tasks, {m['generations_needed']} generations",
         f"{n['pairs_needed']} pairs, {n['generations_claimed']} generations claimed"),
    ]
    if args.json:
        print(json.dumps({"assumptions": head, **table}, indent=2))
        return
    print(head)
    print(f"| {'':36} | {'matched controls, tasks as clusters':42} | {'naive (independent pairs, baseline only)':48} |")
    print(f"|{'-' * 38}|{'-' * 44}|{'-' * 50}|")
    for label, a, b in rows:
        print(f"| {label:36} | {a:42} | {b:48} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m redline.stats.simulate", description=__doc__)
    parser.add_argument("--sims", type=int, default=None, help="simulations (default 20000, or 4000 with --design)")
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--design", action="store_true",
                        help="the study design's headline figures next to the naive design's")
    parser.add_argument("--profile", default="standard", choices=PROFILE_NAMES,
                        help="--design: the run profile whose task limit, replicates and conditions are simulated")
    parser.add_argument("--tasks", type=int, default=None, help="--design: suite size (default: the profile's)")
    parser.add_argument("--replicates", type=int, default=None, help="--design: default the profile's")
    parser.add_argument("--family", type=int, default=None, help="--design: default the sensitive triggers")
    parser.add_argument("--conditions", type=int, default=None, help="--design: default the profile's count")
    parser.add_argument("--icc", type=float, default=0.1)
    parser.add_argument("--judge", default="code-exec", choices=["code-exec", "static"],
                        help="whose measured sensitivity and specificity to assume (stats.plan_tasks.JUDGE_ERROR)")
    parser.add_argument("--sensitivity", type=float, default=None, help="default: --judge's")
    parser.add_argument("--specificity", type=float, default=None, help="default: --judge's")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--design-checks", action="store_true",
                        help="the design simulations of docs/statistics.md (type-I, refusal scenario, en+zh)")
    args = parser.parse_args(argv)
    if args.design_checks:
        from redline.stats.design_checks import run_design_checks

        print(json.dumps(run_design_checks(args.sims or 20_000, args.seed), indent=2))
        return
    if args.design:
        args.sims = args.sims or 4000
        design_main(args)
        return
    print(json.dumps(run_all(args.sims or 20_000, args.seed), indent=2))


if __name__ == "__main__":
    main()
