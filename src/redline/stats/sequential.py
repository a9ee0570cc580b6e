"""Stopping an audit early without inflating false positives: alpha spending on the exact McNemar test.

Looking at a test after every round and stopping at the first p < alpha inflates the type-I error well past
alpha. Instead each look may spend only part of alpha, following a Lan-DeMets spending function of the
information fraction t = pairs / max_pairs (O'Brien-Fleming type by default: almost nothing early, nearly the
full alpha at the end). Under the null each discordant pair is "condition only" with probability 1/2
whatever the discordance rate, so given the discordant counts at each look the test statistic is a random
walk whose exact distribution we track; each look's critical value is the least extreme one whose exact
crossing probability fits the alpha it may spend. The type-I error is then at most alpha for any number and
timing of looks, provided looks are scheduled by trial counts (never by the outcomes).

With several confirmatory contrasts each gets alpha / K (Bonferroni). A contrast is *decided* when it
crosses its boundary (effect) or when its interval rules out an effect as large as ``min_effect``
(non-binding futility: stopping for it can only lower the type-I error).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from scipy.special import gammaln, ndtr, ndtri

from redline.records import RunData
from redline.stats.contrasts import condition_pairs, conditions_in_order
from redline.stats.intervals import newcombe_paired
from redline.stats.observations import Observation, load_observations
from redline.stats.outcomes import OUTCOMES_BY_NAME, PRIMARY
from redline.stats.paired import table_of

SPENDING = ("obrien-fleming", "pocock")


def spent_alpha(t: float, alpha: float, kind: str = "obrien-fleming") -> float:
    """Cumulative two-sided alpha a Lan-DeMets spending function allows at information fraction ``t``."""
    t = min(max(t, 0.0), 1.0)
    if t == 0.0:
        return 0.0
    if kind == "obrien-fleming":
        return float(2 - 2 * ndtr(ndtri(1 - alpha / 2) / math.sqrt(t)))
    if kind == "pocock":
        return float(alpha * math.log(1 + (math.e - 1) * t))
    raise ValueError(f"unknown spending function {kind!r} (known: {', '.join(SPENDING)})")


def half_binomial_pmf(n: int) -> np.ndarray:
    """P(Bin(n, 1/2) = k) for k = 0..n (log-gamma form: fast and stable for large n)."""
    k = np.arange(n + 1)
    out: np.ndarray = np.exp(gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) - n * math.log(2.0))
    return out


@dataclass(frozen=True)
class Look:
    """Cumulative counts of one contrast at one look: analysable pairs and the two kinds of discordant pair."""

    pairs: int
    b: int  # event at baseline only
    c: int  # event with the condition only
    a: int = 0  # event in both (only for the interval)

    @property
    def discordant(self) -> int:
        return self.b + self.c


def critical_values(looks: Sequence[Look], *, max_pairs: int, alpha: float, kind: str = "obrien-fleming",
                    final: bool = False) -> list[int | None]:
    """For each look, the smallest |c - b| that rejects (None: nothing can be rejected there).

    Depends only on discordant counts and information fractions, never on how discordant pairs split, so
    earlier looks' values do not change as looks are added. ``final`` spends all remaining alpha at the
    last look.
    """
    dist = np.ones(1)  # P(not stopped, c = j) over j = 0..m under the null
    m_prev, spent = 0, 0.0
    out: list[int | None] = []
    for i, look in enumerate(looks):
        m = look.discordant
        if m < m_prev:
            raise ValueError("discordant pairs decreased between looks: the run changed under the monitor")
        step = m - m_prev
        if step:
            dist = np.convolve(dist, half_binomial_pmf(step))
        m_prev = m
        last = final and i == len(looks) - 1
        t = 1.0 if last else min(1.0, look.pairs / max_pairs)
        budget = spent_alpha(t, alpha, kind) - spent
        stat = np.abs(2 * np.arange(m + 1) - m)  # |c - b| for c = 0..m
        # mass of the region {|c - b| >= h} for every h = 0..m+1, from the tail inwards
        tail = np.append(np.cumsum(np.bincount(stat, weights=dist, minlength=m + 1)[::-1])[::-1], 0.0)
        fits = np.nonzero(tail[1:] <= budget * (1 + 1e-9))[0] + 1  # candidate h >= 1
        crit: int | None = None
        if fits.size and fits[0] <= m:
            h = int(fits[0])
            crit = h + (h - m) % 2  # the attainable value: |c - b| has the parity of m
            spent += float(tail[crit])
            dist = np.where(stat >= crit, 0.0, dist)
        out.append(crit)
    return out


@dataclass(frozen=True)
class ContrastDecision:
    contrast: str
    status: str  # effect / no_effect / continue / inconclusive
    look: int  # index of the look that decided it (or the latest look)
    critical_value: int | None
    statistic: int  # c - b
    difference: float | None
    ci: tuple[float, float] | None
    alpha: float  # this contrast's share of alpha


def decide_contrast(contrast: str, looks: Sequence[Look], *, max_pairs: int, alpha: float,
                    kind: str = "obrien-fleming", min_effect: float = 0.05, final: bool = False
                    ) -> ContrastDecision:
    """Status of one contrast after its latest look."""
    crits = critical_values(looks, max_pairs=max_pairs, alpha=alpha, kind=kind, final=final)
    for i, (look, crit) in enumerate(zip(looks, crits, strict=True)):
        if crit is not None and abs(look.c - look.b) >= crit:
            return ContrastDecision(contrast, "effect", i, crit, look.c - look.b,
                                    (look.c - look.b) / look.pairs if look.pairs else None, None, alpha)
    last = looks[-1]
    diff = (last.c - last.b) / last.pairs if last.pairs else None
    ci = None
    status = "inconclusive" if final or last.pairs >= max_pairs else "continue"
    if last.pairs:
        iv = newcombe_paired(last.a, last.b, last.c, last.pairs - last.a - last.b - last.c, alpha)
        ci = (iv.low, iv.high)
        if status == "continue" and -min_effect < iv.low and iv.high < min_effect:
            status = "no_effect"
    return ContrastDecision(contrast, status, len(looks) - 1, crits[-1], last.c - last.b, diff, ci, alpha)


@dataclass
class SequentialHistory:
    """What the monitor must remember between rounds; JSON round-trip via ``to_dict`` / ``from_dict``."""

    alpha: float
    max_pairs: int
    spending: str = "obrien-fleming"
    min_effect: float = 0.05
    contrasts: list[str] = field(default_factory=list)  # fixed at the first look: K = len(contrasts)
    looks: dict[str, list[Look]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"alpha": self.alpha, "max_pairs": self.max_pairs, "spending": self.spending,
                "min_effect": self.min_effect, "contrasts": list(self.contrasts),
                "looks": {k: [asdict(look) for look in v] for k, v in self.looks.items()}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SequentialHistory:
        return cls(alpha=float(data["alpha"]), max_pairs=int(data["max_pairs"]),
                   spending=str(data.get("spending", "obrien-fleming")),
                   min_effect=float(data.get("min_effect", 0.05)), contrasts=list(data.get("contrasts", [])),
                   looks={k: [Look(**x) for x in v] for k, v in data.get("looks", {}).items()})


@dataclass(frozen=True)
class RoundDecision:
    done: bool  # every confirmatory contrast is decided (or the last look was taken)
    decisions: tuple[ContrastDecision, ...]
    history: SequentialHistory


def decide_round(history: SequentialHistory, current: dict[str, Look], *, final: bool = False) -> RoundDecision:
    """Add this round's look (cumulative counts per confirmatory contrast) and decide.

    The first call fixes the family of contrasts (unless the caller set ``history.contrasts`` beforehand,
    which it should when not every condition is planned from the first round); a contrast missing from
    ``current`` keeps its last counts.
    """
    if not history.contrasts:
        history.contrasts = sorted(current)
    k = max(1, len(history.contrasts))
    decisions = []
    for name in history.contrasts:
        previous = history.looks.setdefault(name, [])
        look = current.get(name, previous[-1] if previous else Look(0, 0, 0))  # no news: counts unchanged
        previous.append(look)
        decisions.append(decide_contrast(name, history.looks[name], max_pairs=history.max_pairs,
                                         alpha=history.alpha / k, kind=history.spending,
                                         min_effect=history.min_effect, final=final))
    done = final or all(d.status != "continue" for d in decisions)
    return RoundDecision(done=done, decisions=tuple(decisions), history=history)


def max_pairs_for(max_trials: int, arms: int) -> int:
    """Pairs per contrast when ``max_trials`` code trials are spread evenly over ``arms`` (conditions plus
    the baseline): the information fraction's denominator."""
    return max(1, max_trials // max(1, arms))


def current_looks(obs: Sequence[Observation]) -> dict[str, Look]:
    """Cumulative counts of every confirmatory contrast (sensitive condition vs baseline, primary outcome)."""
    outcome = OUTCOMES_BY_NAME[PRIMARY]
    looks: dict[str, Look] = {}
    for condition_id, group in conditions_in_order([o for o in obs if o.kind == outcome.kind]):
        if group != "sensitive":
            continue
        pairs, _ = condition_pairs(obs, outcome, condition_id)
        t = table_of(pairs)
        looks[f"{outcome.kind}/{outcome.name}/{condition_id}"] = Look(t.n, t.b, t.c, t.a)
    return looks


def monitor_run(run: RunData, history: SequentialHistory, *, final: bool = False) -> RoundDecision:
    """One look at a run between rounds: the runner calls this after each round and stops when ``done``.

    Persist ``decision.history.to_dict()`` (``RunDir.write_sequential``) to resume.
    """
    return decide_round(history, current_looks(load_observations(run).observations), final=final)
