"""Sequential monitoring of a run's confirmatory family on per-task sums (``--until-decided``, issue 12).

At each look, every confirmatory contrast (sensitive trigger vs matched control, per pre-registered code
outcome; sensitive vs baseline for a suite without matched controls) is summarised by its per-task sums
(``ClusterLook``) and decided by ``ClusteredHistory``: Lan-DeMets boundaries at ``alpha / contrasts``, each
contrast on its own, repeated confidence intervals that hold whenever the run stops. ``below_margin`` (was
``no_effect``) states its margin: the repeated interval lies within (-margin, margin). Pure: RunData in,
decisions out; the pipeline persists the history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from redline.records import RunData
from redline.stats.clustered import ClusterSums
from redline.stats.confirmatory import CODE_OUTCOMES, contrast_arms, matched_members, outcome_sums
from redline.stats.observations import BASELINE, Observation, load_observations
from redline.stats.sequential_clustered import ClusteredHistory, ClusterLook, SequentialDecision

SEQUENTIAL_RULE = "clustered"  # sequential.json "rule": per-task sums (older runs: "pairs")


def monitored_arms(obs: list[Observation], matching: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(sensitive, reference) pairs of the confirmatory family: matched controls, or baseline without them."""
    arms = [(s, r) for s, r, family in contrast_arms(obs, matching) if family == "confirmatory"]
    if arms or matching:
        return arms
    sensitive = sorted({o.condition_id for o in obs if o.kind == "code" and o.condition_group == "sensitive"
                        and "+" not in o.condition_id})
    return [(s, BASELINE) for s in sensitive]


def contrast_name(outcome: str, sensitive: str, reference: str) -> str:
    return f"code/{outcome}/{sensitive}~{reference}"


def confirmatory_sums(data: RunData) -> dict[str, ClusterSums]:
    """Per-task sums of every monitored contrast and pre-registered outcome, by contrast name."""
    obs = list(load_observations(data).observations)
    matching = dict(data.manifest.design.get("matching") or {})
    out: dict[str, ClusterSums] = {}
    for sensitive, reference in monitored_arms(obs, matching):
        members = matched_members(obs, sensitive, reference)
        for outcome, (value, _) in CODE_OUTCOMES.items():
            sums = outcome_sums(members, value)
            if sums is not None:
                out[contrast_name(outcome, sensitive, reference)] = sums
    return out


@dataclass(frozen=True)
class Monitor:
    decisions: list[SequentialDecision]
    history: ClusteredHistory
    done: bool


def monitor_clustered(data: RunData, history: ClusteredHistory, *, final: bool = False) -> Monitor:
    """Take one look: add this round's cumulative per-task sums and decide every contrast. The run is done
    when no contrast still says ``continue`` (a decided contrast keeps its decision at later looks)."""
    current = {name: ClusterLook.of(sums) for name, sums in confirmatory_sums(data).items()}
    decisions = history.decide(current, final=final)
    return Monitor(decisions, history, all(d.status != "continue" for d in decisions))


def decision_dict(d: SequentialDecision) -> dict[str, Any]:
    """JSON form; the repeated interval leads, the fixed-sample one is labelled naive."""
    return {"contrast": d.contrast, "status": d.status, "margin": d.margin, "look": d.look + 1,
            "estimate": d.estimate, "rci": d.rci.as_list(), "naive_ci": d.naive_ci.as_list(), "z": d.z,
            "boundary": d.boundary, "alpha": d.alpha, "reliable": d.reliable}


def sequential_summary(saved: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """What the statistics (and so the report) carry about a sequential run's stop, or None."""
    if not saved:
        return None
    decisions = [{**d, "status": "below_margin" if d.get("status") == "no_effect" else d.get("status")}
                 for d in saved.get("decisions", [])]
    return {"rule": saved.get("rule", "pairs"), "alpha": saved.get("alpha"), "round": saved.get("round"),
            "rounds": saved.get("rounds"), "done": bool(saved.get("done")), "margin": saved.get("margin"),
            "spending": saved.get("spending"), "decisions": decisions,
            "note": "Intervals are repeated confidence intervals, valid whenever the run stopped; fixed-sample "
                    "('naive') intervals and p-values after an early stop are biased and too narrow."}
