"""Rates and contrasts as judged and corrected for the judge's measured error (``misclassification``).

Why: a judge that misses some vulnerable programs and flags some secure ones biases every rate, and a contrast
between conditions can only be trusted as far as the judge's error allows. The judge's sensitivity and
specificity per outcome come from a calibration (the shipped evaluation's confusion counts, given by the caller:
statistics never read files); intervals bootstrap the run's task clusters and the calibration items together.
Each contrast also says how much of it differential judge error (the judge erring more in one condition, within
what its calibration allows) could produce with no true difference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from redline.stats.contrasts import condition_pairs, conditions_in_order, index_pairs
from redline.stats.misclassification import (
    Calibration,
    corrected_contrast,
    corrected_rate,
    explainable_contrast,
)
from redline.stats.observations import BASELINE, Observation
from redline.stats.outcomes import OUTCOMES_BY_NAME


@dataclass(frozen=True)
class OutcomeCalibration:
    """A judge's confusion counts for one binary outcome, and where they were measured."""

    judge: str
    outcome: str
    source: str
    tp: int
    fn: int
    tn: int
    fp: int

    def calibration(self) -> Calibration:
        return Calibration.from_counts(tp=self.tp, fn=self.fn, tn=self.tn, fp=self.fp)


@dataclass(frozen=True)
class CorrectedRateRow:
    outcome: str
    condition: str
    n: int
    judged: float
    corrected: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class CorrectedContrastRow:
    """Condition minus baseline on paired trials; ``spurious_max``: the largest judged contrast differential
    judge error could make with no true contrast; ``explained_share``: that bound over the judged contrast."""

    outcome: str
    condition: str
    n_pairs: int
    judged: float
    corrected: float | None
    low: float | None
    high: float | None
    spurious_max: float
    explained_share: float | None
    explained: bool
    line: str


@dataclass(frozen=True)
class JudgeErrorStats:
    level: float
    n_boot: int
    calibrations: tuple[OutcomeCalibration, ...]
    sensitivity: dict[str, float]
    specificity: dict[str, float]
    rates: tuple[CorrectedRateRow, ...]
    contrasts: tuple[CorrectedContrastRow, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def calibrations_from_metrics(metrics: Mapping[str, Any], *, splits: Sequence[str] = ("holdout", "holdout2")
                              ) -> list[OutcomeCalibration]:
    """Confusion counts of the shipped evaluation snapshot (``evaluation/judge_metrics.json`` as a dict).

    The held-out splits are used (the judge was never tuned on them); without counts there, the combined split.
    """
    out: list[OutcomeCalibration] = []
    code = metrics.get("code-security") or {}
    split_rows = code.get("splits") or {}
    keys = ("tp", "fn", "tn", "fp")
    chosen = [s for s in splits if all(k in (split_rows.get(s) or {}) for k in keys)]
    if not chosen and all(k in (split_rows.get("combined") or {}) for k in keys):
        chosen = ["combined"]
    if chosen:
        totals = {k: sum(int(split_rows[s][k]) for s in chosen) for k in keys}
        if totals["tp"] + totals["fn"] and totals["tn"] + totals["fp"]:
            out.append(OutcomeCalibration(judge="code-security", outcome=str(code.get("positive", "vulnerable")),
                                          source="shipped evaluation: " + "+".join(chosen), **totals))
    out.extend(_answer_calibrations(metrics.get("answer-rules") or {}, splits))
    return out


def _answer_calibrations(answers: Mapping[str, Any], splits: Sequence[str]) -> list[OutcomeCalibration]:
    """One-vs-rest counts per answer label from the overall confusion (gold -> predicted -> count)."""
    rows = answers.get("splits") or {}
    chosen = [s for s in splits if isinstance(((rows.get(s) or {}).get("overall") or {}).get("confusion"), Mapping)]
    if not chosen:
        return []
    confusion: dict[tuple[str, str], int] = {}
    for split in chosen:
        for gold, preds in rows[split]["overall"]["confusion"].items():
            for pred, count in preds.items():
                confusion[(gold, pred)] = confusion.get((gold, pred), 0) + int(count)
    total = sum(confusion.values())
    out = []
    for label in sorted({g for g, _ in confusion} | {p for _, p in confusion}):
        tp = confusion.get((label, label), 0)
        fn = sum(c for (g, p), c in confusion.items() if g == label and p != label)
        fp = sum(c for (g, p), c in confusion.items() if g != label and p == label)
        tn = total - tp - fn - fp
        if tp + fn and tn + fp:
            out.append(OutcomeCalibration(judge="answer-rules", outcome=label,
                                          source="shipped evaluation: " + "+".join(chosen), tp=tp, fn=fn, tn=tn,
                                          fp=fp))
    return out


def _line(row_judged: float, corrected: float | None, spurious: float, share: float | None) -> str:
    if share is None:
        return "no judged difference"
    verdict = "all" if share >= 1.0 else f"up to {share:.0%}"
    tail = "" if corrected is None else f"; corrected for the judge's error {corrected:+.3f}"
    return (f"judge error that differs between conditions could explain {verdict} of the judged contrast "
            f"{row_judged:+.3f} (at most {spurious:.3f} with no true difference){tail}")


def judge_error_stats(obs: Sequence[Observation], calibrations: Sequence[OutcomeCalibration], *, level: float = 0.95,
                      n_boot: int = 2000, seed: int = 0) -> JudgeErrorStats | None:
    """Judged and corrected rates per condition and contrasts against baseline, for each calibrated outcome."""
    rates: list[CorrectedRateRow] = []
    contrasts: list[CorrectedContrastRow] = []
    used: list[OutcomeCalibration] = []
    conditions = [cid for cid, _ in conditions_in_order(obs)]
    for cal_counts in calibrations:
        outcome = OUTCOMES_BY_NAME.get(cal_counts.outcome)
        if outcome is None:
            continue
        cal = cal_counts.calibration()
        mine = [o for o in obs if o.kind == outcome.kind and o.ok and outcome.value(o.label) is not None]
        if not mine:
            continue
        used.append(cal_counts)
        for cid in conditions:
            items = [o for o in mine if o.condition_id == cid]
            if not items:
                continue
            res = corrected_rate([outcome.value(o.label) == 1 for o in items], cal, clusters=[o.cluster for o in items],
                                 n_boot=n_boot, level=level, seed=seed)
            rates.append(CorrectedRateRow(outcome.name, cid, len(items), res.judged, res.corrected, res.low, res.high))
        index = index_pairs(obs, outcome.kind)
        for cid in conditions:
            if cid == BASELINE:
                continue
            pairs, _ = condition_pairs(index, outcome, cid)
            if not pairs:
                continue
            res = corrected_contrast([(bool(p.second), bool(p.first)) for p in pairs], cal,
                                     clusters=[p.cluster for p in pairs], n_boot=n_boot, level=level, seed=seed)
            q_cond = sum(p.second for p in pairs) / len(pairs)
            q_base = sum(p.first for p in pairs) / len(pairs)
            expl = explainable_contrast(q_cond, q_base, cal)
            contrasts.append(CorrectedContrastRow(
                outcome.name, cid, len(pairs), res.judged, res.corrected, res.low, res.high, expl.spurious_max,
                expl.share, expl.explained, _line(res.judged, res.corrected, expl.spurious_max, expl.share)))
    if not used:
        return None
    return JudgeErrorStats(level=level, n_boot=n_boot, calibrations=tuple(used),
                           sensitivity={c.outcome: c.calibration().sensitivity for c in used},
                           specificity={c.outcome: c.calibration().specificity for c in used},
                           rates=tuple(rates), contrasts=tuple(contrasts))
