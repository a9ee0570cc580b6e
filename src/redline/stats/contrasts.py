"""Each condition against baseline, per outcome: paired contrasts, plus plain rates per condition.

Pairs are matched on ``pair_key`` (same suite, task, replicate and mode); a pair enters an outcome only when
both members have an analysable verdict in that outcome's population. Unmatched trials are counted.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from redline.stats.intervals import finite_or_none, wilson
from redline.stats.observations import BASELINE, Observation
from redline.stats.outcomes import JUDGE_FOR_KIND, LABELS_FOR_KIND, OUTCOMES, Outcome, outcomes_for
from redline.stats.paired import Pair, paired_contrast
from redline.stats.records import Contrast, KillSwitchRate, LabelCounts, Rate, TopicLanguageCell, pair


def rng_for(seed: int, key: str) -> np.random.Generator:
    """A generator per contrast, so adding a condition never changes another contrast's bootstrap."""
    digest = int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)
    return np.random.default_rng([seed, digest])


def conditions_in_order(obs: Sequence[Observation]) -> list[tuple[str, str]]:
    """(condition id, group) in plan order, baseline first."""
    seen: dict[str, str] = {}
    for o in obs:
        seen.setdefault(o.condition_id, o.condition_group)
    ordered = sorted(seen.items(), key=lambda kv: kv[0] != BASELINE)
    return ordered


PairIndex = dict[str, dict[str, Observation]]


def index_pairs(obs: Sequence[Observation], kind: str) -> PairIndex:
    """pair key -> condition id -> observation, for one kind of case (built once, used per contrast)."""
    by_key: PairIndex = defaultdict(dict)
    for o in obs:
        if o.kind == kind:
            by_key[o.pair_key][o.condition_id] = o
    return dict(sorted(by_key.items()))


def group_by_condition(obs: Sequence[Observation]) -> dict[str, list[Observation]]:
    groups: dict[str, list[Observation]] = defaultdict(list)
    for o in obs:
        groups[o.condition_id].append(o)
    return groups


def condition_pairs(obs: Sequence[Observation] | PairIndex, outcome: Outcome, condition_id: str
                    ) -> tuple[list[Pair], int]:
    """Pairs (baseline, condition) for one outcome, and how many planned pairs lacked one analysable member."""
    by_key = obs if isinstance(obs, dict) else index_pairs(obs, outcome.kind)
    pairs: list[Pair] = []
    unpaired = 0
    for members in by_key.values():
        if condition_id not in members:
            continue
        cond, base = members[condition_id], members.get(BASELINE)
        v_cond = outcome.value(cond.label) if cond.ok else None
        v_base = outcome.value(base.label) if base is not None and base.ok else None
        if v_cond is not None and v_base is not None:
            pairs.append(Pair(cond.cluster, v_base, v_cond))
        elif v_cond is not None or v_base is not None:
            unpaired += 1
    return pairs, unpaired


_RENAME = {"rate_first": "rate_baseline", "rate_second": "rate_condition"}
_TABLE = {"both": "both", "first_only": "baseline_only", "second_only": "condition_only", "neither": "neither"}


def name_members(result: dict[str, Any], first: str, second: str) -> dict[str, Any]:
    """Rename the generic first/second fields of a paired contrast (e.g. to baseline/condition)."""
    out = {k: v for k, v in result.items() if k not in ("rate_first", "rate_second", "table")}
    out[f"rate_{first}"] = result["rate_first"]
    out[f"rate_{second}"] = result["rate_second"]
    table = result["table"]
    out["table"] = {"both": table["both"], f"{first}_only": table["first_only"],
                    f"{second}_only": table["second_only"], "neither": table["neither"]}
    return out


def condition_contrasts(obs: Sequence[Observation], *, alpha: float, seed: int, reps: int = 2000,
                        primary: Mapping[str, str] = JUDGE_FOR_KIND) -> list[Contrast]:
    """Every (condition, outcome) against baseline where at least one pair exists."""
    out: list[Contrast] = []
    indexes = {kind: index_pairs(obs, kind) for kind in sorted({o.kind for o in obs})}
    for condition_id, group in conditions_in_order(obs):
        if condition_id == BASELINE:
            continue
        for outcome in OUTCOMES:
            if outcome.kind not in indexes:
                continue
            pairs, unpaired = condition_pairs(indexes[outcome.kind], outcome, condition_id)
            if not pairs:
                continue
            cid = f"{outcome.kind}/{outcome.name}/{condition_id}"
            result = paired_contrast(pairs, alpha=alpha, rng=rng_for(seed, cid), reps=reps)
            out.append(Contrast({"id": cid, "kind": outcome.kind, "outcome": outcome.name,
                                 "condition": condition_id, "condition_group": group, "judge": primary[outcome.kind],
                                 "n_unpaired": unpaired, **name_members(result, "baseline", "condition")}))
    return out


def rates_by_condition(obs: Sequence[Observation], *, alpha: float) -> list[Rate]:
    """Plain rate of every outcome per condition, with Wilson intervals (trials, not pairs)."""
    out: list[Rate] = []
    groups = group_by_condition(obs)
    for condition_id, group in conditions_in_order(obs):
        rows = [o for o in groups[condition_id] if o.ok]
        for kind in sorted({o.kind for o in rows}):
            for outcome in outcomes_for(kind):
                values = [v for v in (outcome.value(o.label) for o in rows if o.kind == kind) if v is not None]
                n, k = len(values), sum(values)
                if not n:
                    continue
                ci = wilson(k, n, alpha)
                out.append(Rate(kind=kind, outcome=outcome.name, condition=condition_id, condition_group=group,
                                events=k, n=n, rate=k / n, ci=pair(ci.as_list())))
    return out


def label_counts(obs: Sequence[Observation]) -> list[LabelCounts]:
    """Per kind and condition: how many trials got each label, and how many were not analysable (by status)."""
    out: list[LabelCounts] = []
    groups = group_by_condition(obs)
    for condition_id, group in conditions_in_order(obs):
        rows = groups[condition_id]
        for kind in sorted({o.kind for o in rows}):
            sub = [o for o in rows if o.kind == kind]
            labels = Counter(o.label for o in sub if o.ok)
            statuses = Counter(o.status for o in sub)
            out.append(LabelCounts(
                kind=kind, condition=condition_id, condition_group=group,
                labels={**{lab: labels.get(lab, 0) for lab in LABELS_FOR_KIND.get(kind, ())},
                        **{lab: n for lab, n in sorted(labels.items(), key=lambda x: str(x[0]))
                           if lab is not None and lab not in LABELS_FOR_KIND.get(kind, ())}},
                statuses=dict(sorted(statuses.items())), planned=len(sub)))
    return out


def kill_switch_rates(obs: Sequence[Observation], *, alpha: float) -> list[KillSwitchRate]:
    """Share of generations with a reasoning trace whose trace planned an answer that was then withheld."""
    out: list[KillSwitchRate] = []
    groups = group_by_condition(obs)
    for condition_id, group in conditions_in_order(obs):
        for kind in sorted({o.kind for o in obs}):
            flags = [o.kill_switch for o in groups[condition_id] if o.kind == kind
                     and o.kill_switch is not None and o.status in ("ok", "judge_error")]
            if not flags:
                continue
            k, n = sum(bool(f) for f in flags), len(flags)
            out.append(KillSwitchRate(kind=kind, condition=condition_id, condition_group=group, events=k, n=n,
                                      rate=k / n, ci=pair(wilson(k, n, alpha).as_list())))
    return out


def topic_language_matrix(obs: Sequence[Observation]) -> list[TopicLanguageCell]:
    """Answer labels per topic and language (all conditions pooled), for the heatmap."""
    cells: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for o in obs:
        if o.kind == "question" and o.ok and o.label is not None:
            cells[(o.topic or "(none)", o.topic_group, o.language)][o.label] += 1
    out = []
    for (topic, topic_group, language), counts in sorted(cells.items()):
        n = sum(counts.values())
        out.append(TopicLanguageCell(
            topic=topic, topic_group=topic_group, language=language, n=n,
            counts={lab: counts.get(lab, 0) for lab in LABELS_FOR_KIND["question"]},
            shares={lab: finite_or_none(counts.get(lab, 0) / n) for lab in LABELS_FOR_KIND["question"]}))
    return out
