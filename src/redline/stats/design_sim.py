"""Simulations of the study design: tasks as clusters, matched controls, refusal kept apart, en+zh questions.

Each function draws whole audits (``sims`` of them) with vectorised numpy from an explicit generator and
returns rejection rates. Task heterogeneity at temperature > 0 is a task propensity ``p_k ~ Beta`` plus, for
every (task, arm), a logit-normal lean ``u ~ N(0, tau^2)``: replicates of a task are correlated, and under the
null a sensitive arm and its matched control have the same distribution of leans (no effect on average,
though single tasks lean either way). At temperature 0 (``copies=True``) replicates repeat the first one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.special import expit, logit

from redline.stats.clustered import cluster_pvalues
from redline.stats.plan import cell_probabilities
from redline.stats.plan_tasks import pair_model
from redline.stats.sequential_clustered import rejects_many
from redline.stats.tests import mcnemar_exact_many

Array = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class Rate:
    """A simulated rate with its Monte Carlo standard error."""

    rate: float
    sims: int

    @property
    def se(self) -> float:
        return float(np.sqrt(max(self.rate * (1 - self.rate), 1e-12) / self.sims))

    def as_dict(self) -> dict[str, float]:
        return {"rate": round(self.rate, 4), "se": round(self.se, 4), "sims": self.sims}


def holm_any(pvalues: Array, alpha: float) -> BoolArray:
    """Row-wise: does Holm reject any hypothesis of the family? (Holm rejects any iff min p <= alpha / m.)"""
    out: BoolArray = pvalues.min(axis=1) <= alpha / pvalues.shape[1]
    return out


def misclassify_many(cells: Array, sensitivity: float, specificity: float) -> Array:
    """Judged cells (both, first only, second only, neither) from true cells, vectorised over leading axes."""
    p11, p10, p01, p00 = (cells[..., i] for i in range(4))
    se, sp = sensitivity, specificity
    true = np.stack([np.stack([p00, p01], -1), np.stack([p10, p11], -1)], -2)  # [..., first, second]
    pos = np.array([[sp, 1 - sp], [1 - se, se]])
    judged = np.einsum("fa,...fs,sb->...ab", pos, true, pos)
    out: Array = np.stack([judged[..., 1, 1], judged[..., 1, 0], judged[..., 0, 1], judged[..., 0, 0]], -1)
    return out


def clustered_power(rng: np.random.Generator, baseline: float, target: float, *, tasks: int, replicates: int,
                    icc: float, sensitivity: float = 1.0, specificity: float = 1.0, alpha: float = 0.05,
                    corr: float = 0.0, sims: int = 4000) -> Rate:
    """Monte Carlo power of the paired t-test on per-task sums in the model ``stats.plan_tasks`` plans for.

    Tasks' true paired cells are Dirichlet(kappa p) around the population cells, which makes the judged
    paired differences' intra-task correlation exactly ``icc`` for kappa + 1 = J^2 s_true^2 / (icc s_judged^2).
    """
    cells = np.array(cell_probabilities(baseline, target, corr))
    judged = pair_model(baseline, target, corr=corr, sensitivity=sensitivity, specificity=specificity)
    true = pair_model(baseline, target, corr=corr)
    j = sensitivity + specificity - 1
    if icc > 0:
        ratio = j * j * true.sigma2 / (icc * judged.sigma2)
        if ratio <= 1:
            top = j * j * true.sigma2 / judged.sigma2
            raise ValueError(f"icc {icc} is larger than these rates and this judge allow ({top:.3f})")
        shape = np.maximum((ratio - 1) * cells, 1e-12)
        g = rng.standard_gamma(np.broadcast_to(shape, (sims, tasks, 4)))
        task_cells = g / g.sum(axis=-1, keepdims=True)
    else:
        task_cells = np.broadcast_to(cells, (sims, tasks, 4))
    obs = misclassify_many(task_cells, sensitivity, specificity)
    obs = obs / obs.sum(axis=-1, keepdims=True)
    counts = rng.multinomial(replicates, obs)
    d = (counts[..., 2] - counts[..., 1]).astype(float)
    return Rate(float(np.mean(cluster_pvalues(d) <= alpha)), sims)


def _arm(rng: np.random.Generator, base_logit: Array, tau: float, replicates: int, copies: bool,
         shift: float = 0.0) -> BoolArray:
    """(sims, tasks, replicates) outcomes of one arm: task propensity, this arm's lean, optional shift."""
    sims, tasks = base_logit.shape
    p = expit(base_logit + shift + rng.normal(0.0, tau, size=(sims, tasks)))
    u = rng.random((sims, tasks, 1 if copies else replicates))
    out: BoolArray = np.broadcast_to(u < p[..., None], (sims, tasks, replicates))
    return out


def _task_logits(rng: np.random.Generator, sims: int, tasks: int, a: float, b: float) -> Array:
    p = np.clip(rng.beta(a, b, size=(sims, tasks)), 1e-4, 1 - 1e-4)
    out: Array = logit(p)
    return out


def discordant(first: BoolArray, second: BoolArray) -> tuple[Array, Array]:
    """Per task: pairs with the event in the first member only (b) and in the second only (c)."""
    return ((first & ~second).sum(axis=-1).astype(float), (second & ~first).sum(axis=-1).astype(float))


def confirmatory_null(rng: np.random.Generator, *, family: int = 7, tasks: int = 60, replicates: int = 3,
                      tau: float = 0.6, beta: tuple[float, float] = (2.0, 6.0), alpha: float = 0.05,
                      looks: int = 5, copies: bool = False, sims: int = 2000) -> dict[str, Rate]:
    """Family-wise error of ``family`` sensitive-vs-matched-control contrasts, all null.

    * ``clustered_holm``: paired t-test on per-task sums per contrast, Holm across the family (the design);
    * ``sequential_clustered``: the per-task-sums rule, alpha / family per contrast, ``looks`` equally spaced
      task counts, tasks in a fixed order;
    * ``naive_holm``: exact McNemar on all pairs as if independent, Holm (the old analysis).
    """
    base = _task_logits(rng, sims, tasks, *beta)
    pvals_cl = np.empty((sims, family))
    pvals_naive = np.empty((sims, family))
    seq = np.zeros(sims, dtype=bool)
    at = [max(1, round(tasks * (i + 1) / looks)) for i in range(looks)]
    for j in range(family):
        ctrl = _arm(rng, base, tau, replicates, copies)
        sens = _arm(rng, base, tau, replicates, copies)
        b, c = discordant(ctrl, sens)
        d = c - b
        pvals_cl[:, j] = cluster_pvalues(d)
        pvals_naive[:, j] = mcnemar_exact_many(b.sum(axis=1).astype(int), c.sum(axis=1).astype(int))
        cum_d, cum_d2 = np.cumsum(d, axis=1), np.cumsum(d ** 2, axis=1)
        idx = np.array(at) - 1
        with np.errstate(invalid="ignore", divide="ignore"):
            z = np.where(cum_d2[:, idx] > 0, cum_d[:, idx] / np.sqrt(np.maximum(cum_d2[:, idx], 1e-300)), 0.0)
        seq |= rejects_many(z, at, max_tasks=tasks, alpha=alpha / family)
    return {"clustered_holm": Rate(float(holm_any(pvals_cl, alpha).mean()), sims),
            "sequential_clustered": Rate(float(seq.mean()), sims),
            "naive_holm": Rate(float(holm_any(pvals_naive, alpha).mean()), sims)}


def refusal_scenario(rng: np.random.Generator, *, tasks: int = 200, replicates: int = 3,
                     vulnerable: tuple[float, float] = (0.19, 0.272), base_refusal: float = 0.02,
                     trigger_refusal: float = 0.45, tau: float = 0.4, alpha: float = 0.05,
                     sims: int = 1000) -> dict[str, Rate]:
    """Control: refuses ``base_refusal``, else vulnerable code with rate ``vulnerable[0]``. Sensitive: refuses
    also for ``trigger_refusal`` of requests, else vulnerable with ``vulnerable[1]``.

    Rates of significant (clustered test, two-sided, ``alpha``) rises and falls of (a) no usable code,
    (b) vulnerable given valid code (complete pairs), and the old outcome (vulnerable among all requests).
    """
    shape = (sims, tasks, replicates)
    p_task = np.clip(rng.beta(4.0, 4.0 * (1 - vulnerable[0]) / vulnerable[0], size=(sims, tasks)), 0, 1)
    lean_c = np.clip(p_task * np.exp(rng.normal(0, tau, (sims, tasks)) - tau ** 2 / 2), 0, 1)
    lean_s = np.clip(p_task * vulnerable[1] / vulnerable[0] * np.exp(rng.normal(0, tau, (sims, tasks)) - tau ** 2 / 2),
                     0, 1)
    refuse_c = rng.random(shape) < base_refusal
    refuse_s = (rng.random(shape) < base_refusal) | (rng.random(shape) < trigger_refusal)
    vuln_c = rng.random(shape) < lean_c[..., None]
    vuln_s = rng.random(shape) < lean_s[..., None]
    out: dict[str, Rate] = {}

    def record(name: str, first: BoolArray, second: BoolArray, keep: BoolArray | None = None) -> None:
        if keep is not None:
            first, second = first & keep, second & keep
        b, c = discordant(first, second)
        d = c - b
        p = cluster_pvalues(d)
        up = (p <= alpha) & (d.sum(axis=1) > 0)
        down = (p <= alpha) & (d.sum(axis=1) < 0)
        out[f"{name}_rise"] = Rate(float(up.mean()), sims)
        out[f"{name}_fall"] = Rate(float(down.mean()), sims)

    record("no_usable_code", refuse_c, refuse_s)
    record("vulnerable_given_valid", vuln_c, vuln_s, keep=~refuse_c & ~refuse_s)
    record("vulnerable_among_all", vuln_c & ~refuse_c, vuln_s & ~refuse_s)
    return out


def pooled_languages_null(rng: np.random.Generator, *, questions: int = 40, replicates: int = 3,
                          languages: int = 2, tau: float = 0.6, beta: tuple[float, float] = (2.0, 5.0),
                          identical: bool = True, alpha: float = 0.05, sims: int = 4000) -> dict[str, Rate]:
    """A paired censorship contrast pooled over en + zh, null. With ``identical`` answers each question's
    language versions are copies (the worst case). Type-I error clustering on the parallel question vs on
    the case id (language versions as separate clusters)."""
    base = _task_logits(rng, sims, questions, *beta)
    ref = _arm(rng, base, tau, replicates, False)
    alt = _arm(rng, base, tau, replicates, False)
    b, c = discordant(ref, alt)
    d_one = c - b
    if identical:
        d_lang = np.stack([d_one] * languages, axis=-1)
    else:
        extra = [discordant(_arm(rng, base, tau, replicates, False), _arm(rng, base, tau, replicates, False))
                 for _ in range(languages - 1)]
        d_lang = np.stack([d_one] + [cc - bb for bb, cc in extra], axis=-1)
    by_question = d_lang.sum(axis=-1)
    by_case = d_lang.reshape(sims, questions * languages)
    return {"cluster_parallel_question": Rate(float(np.mean(cluster_pvalues(by_question) <= alpha)), sims),
            "cluster_case_id": Rate(float(np.mean(cluster_pvalues(by_case) <= alpha)), sims)}






def sequential_coverage(rng: np.random.Generator, *, baseline: float = 0.19, target: float = 0.272,
                        tasks: int = 300, replicates: int = 2, icc: float = 0.1, looks: int = 5,
                        alpha: float = 0.05, sims: int = 4000) -> dict[str, float]:
    """Runs stopped by the per-task-sums rule: coverage of the repeated CI and of the naive CI at the stopping
    look, and the mean estimate at stopping (biased upward after early stops) against the true difference."""
    from redline.stats.sequential_clustered import normal_boundaries

    cells = np.array(cell_probabilities(baseline, target, 0.0))
    kappa = 1 / icc - 1 if icc > 0 else None
    if kappa is not None:
        g = rng.standard_gamma(np.broadcast_to(kappa * cells, (sims, tasks, 4)))
        task_cells = g / g.sum(axis=-1, keepdims=True)
    else:
        task_cells = np.broadcast_to(cells, (sims, tasks, 4))
    counts = rng.multinomial(replicates, task_cells)
    d = (counts[..., 2] - counts[..., 1]).astype(float)
    at = np.array([max(2, round(tasks * (i + 1) / looks)) for i in range(looks)])
    bounds = np.array(normal_boundaries(list(at / tasks), alpha))
    cum_d, cum_d2 = np.cumsum(d, axis=1)[:, at - 1], np.cumsum(d ** 2, axis=1)[:, at - 1]
    z = np.where(cum_d2 > 0, cum_d / np.sqrt(np.maximum(cum_d2, 1e-300)), 0.0)
    crossed = np.abs(z) >= bounds
    stop = np.where(crossed.any(axis=1), crossed.argmax(axis=1), looks - 1)
    rows = np.arange(sims)
    k, sd, sd2 = at[stop].astype(float), cum_d[rows, stop], cum_d2[rows, stop]
    pairs = k * replicates
    est = sd / pairs
    # Obuchowski's variance with n_k = replicates: sum (d - est n)^2 = sum d^2 - 2 est m sum d + est^2 m^2 K
    ss = sd2 - 2 * est * replicates * sd + est ** 2 * replicates ** 2 * k
    se = np.sqrt(np.maximum(k / (k - 1) * ss, 0.0)) / pairs
    truth = float(cells[2] - cells[1])
    c = bounds[stop]
    rci = np.abs(est - truth) <= c * se
    naive = np.abs(est - truth) <= 1.959964 * se
    early = stop < looks - 1
    return {"true_difference": truth, "rci_coverage": float(rci.mean()), "naive_coverage": float(naive.mean()),
            "mean_estimate_at_stop": float(est.mean()),
            "mean_estimate_early_stops": float(est[early].mean()) if early.any() else float("nan"),
            "early_stop_share": float(early.mean()), "sims": float(sims)}


def topic_nesting_null(rng: np.random.Generator, *, topics: tuple[int, int] = (13, 7), questions: int = 3,
                       trials: int = 6, topic_sd: float = 0.8, question_sd: float = 0.4, alpha: float = 0.05,
                       sims: int = 4000) -> dict[str, Rate]:
    """Sensitive vs control topics with questions nested in topics, no group difference. Student's t-test on
    question rates (questions as independent) vs on topic rates (the topic as the cluster). The pooled-variance
    test fits the null of exchangeable topics; Welch's was slightly liberal with 13 vs 7 topics (5.25% at
    nominal 5%, 100,000 audits)."""
    from scipy.stats import ttest_ind

    k1, k2 = topics
    k = k1 + k2
    topic = rng.normal(0.0, topic_sd, size=(sims, k, 1))
    question = rng.normal(0.0, question_sd, size=(sims, k, questions))
    p = expit(logit(0.3) + topic + question)
    rates = rng.binomial(trials, p) / trials  # (sims, topics, questions)
    group = np.r_[np.ones(k1, bool), np.zeros(k2, bool)]
    q1, q2 = rates[:, group].reshape(sims, -1), rates[:, ~group].reshape(sims, -1)
    t1, t2 = rates[:, group].mean(axis=2), rates[:, ~group].mean(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        p_q = np.nan_to_num(ttest_ind(q1, q2, axis=1).pvalue, nan=1.0)
        p_t = np.nan_to_num(ttest_ind(t1, t2, axis=1).pvalue, nan=1.0)
    return {"questions_as_units": Rate(float(np.mean(p_q <= alpha)), sims),
            "topic_as_cluster": Rate(float(np.mean(p_t <= alpha)), sims)}
