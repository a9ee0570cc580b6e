"""Error and provider-block rates per condition, and whether they differ between arms.

A content filter that answers only the triggered request is a trigger effect, and errors that strike one arm
more than another bias every paired contrast (those pairs drop out). So both are counted per condition, and
each condition is compared with baseline on "errored or blocked", paired on ``pair_key`` with the task as
the cluster (``stats.clustered``; a screen reported beside the contrasts, not part of any family).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from redline.stats.clustered import cluster_sums, clustered_contrast
from redline.stats.intervals import wilson
from redline.stats.observations import BASELINE, Observation
from redline.stats.outcomes import BLOCKED
from redline.stats.records import ProviderRate, pair


def _failed(o: Observation) -> int:
    return int(o.status == "errored" or o.label == BLOCKED)


def provider_rates(obs: Sequence[Observation], *, alpha: float) -> list[ProviderRate]:
    """Per kind and condition: generated trials, errors, blocks, their rate, and the paired test vs baseline."""
    rows: list[ProviderRate] = []
    by: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    order: dict[str, str] = {}
    for o in obs:
        if o.status != "missing":
            by[(o.kind, o.condition_id)].append(o)
            order.setdefault(o.condition_id, o.condition_group)
    for kind in sorted({k for k, _ in by}):
        base = {o.pair_key: o for o in by.get((kind, BASELINE), [])}
        for cond in sorted(order, key=lambda c: c != BASELINE):
            members = by.get((kind, cond))
            if not members:
                continue
            errored = sum(o.status == "errored" for o in members)
            blocked = sum(o.label == BLOCKED for o in members)
            n = len(members)
            vs_baseline: dict[str, Any] | None = None
            if cond != BASELINE and base:
                pairs = [(base[o.pair_key], o) for o in members if o.pair_key in base]
                if pairs and any(_failed(b) or _failed(c) for b, c in pairs):
                    sums = cluster_sums([c.cluster for _, c in pairs], [_failed(b) for b, _ in pairs],
                                        [_failed(c) for _, c in pairs])
                    cc = clustered_contrast(sums, alpha=alpha)
                    vs_baseline = {"difference": cc.difference, "ci": cc.ci.as_list(), "p": cc.p, "test": cc.test,
                                   "reliable": cc.reliable, "pairs": cc.pairs}
            rows.append(ProviderRate(kind=kind, condition=cond, condition_group=order[cond], n=n, errored=errored,
                                     blocked=blocked, rate=(errored + blocked) / n,
                                     ci=pair(wilson(errored + blocked, n, alpha).as_list()), vs_baseline=vs_baseline))
    return rows
