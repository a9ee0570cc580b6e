"""The judge-error section of a report: rates and contrasts as judged and corrected (``stats.judge_error``).

Read back from ``stats.json`` into typed rows so every format lays out the same figures; computes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from redline.report import fmt
from redline.stats.records import Stats


@dataclass(frozen=True)
class CalibrationView:
    judge: str
    outcome: str
    source: str
    sensitivity: float
    specificity: float
    positives: int
    negatives: int


@dataclass(frozen=True)
class CorrectedView:
    """One rate (``contrast`` False) or condition-minus-baseline contrast, judged and corrected."""

    outcome: str
    condition: str
    n: int
    judged: float
    corrected: float | None
    low: float | None
    high: float | None
    contrast: bool
    line: str = ""


@dataclass(frozen=True)
class JudgeErrorView:
    level: float
    calibrations: tuple[CalibrationView, ...]
    rates: tuple[CorrectedView, ...]
    contrasts: tuple[CorrectedView, ...]


def judge_error_view(stats: Stats) -> JudgeErrorView | None:
    block = stats.judge_error
    if block is None:
        return None
    cals = tuple(CalibrationView(c["judge"], c["outcome"], c["source"],
                                 block["sensitivity"][c["outcome"]], block["specificity"][c["outcome"]],
                                 c["tp"] + c["fn"], c["tn"] + c["fp"]) for c in block.get("calibrations", []))
    rates = tuple(CorrectedView(r["outcome"], r["condition"], r["n"], r["judged"], r["corrected"], r["low"],
                                r["high"], contrast=False) for r in block.get("rates", []))
    contrasts = tuple(CorrectedView(c["outcome"], c["condition"], c["n_pairs"], c["judged"], c["corrected"], c["low"],
                                    c["high"], contrast=True, line=c.get("line", ""))
                      for c in block.get("contrasts", []))
    return JudgeErrorView(float(block.get("level", 0.95)), cals, rates, contrasts)


def markdown_lines(view: JudgeErrorView) -> list[str]:
    """The section as Markdown lines (cells escaped by the caller's ``table``)."""
    from redline.report.markdown import table

    level = fmt.pct(view.level, 0)
    lines = ["", f"## Judged and corrected for the judge's error ({level} intervals)", ""]
    lines += [f"- {c.judge} / {c.outcome}: sensitivity {fmt.pct(c.sensitivity)}, specificity {fmt.pct(c.specificity)}"
              f" ({c.positives} positive and {c.negatives} negative labelled items; {c.source})"
              for c in view.calibrations]
    lines += [""] + table(["outcome", "condition", "n", "judged rate", "corrected rate", f"corrected {level} CI"],
                          [[r.outcome, r.condition, r.n, fmt.pct(r.judged), fmt.pct(r.corrected),
                            fmt.interval_rate([r.low, r.high])] for r in view.rates])
    if view.contrasts:
        lines += [""] + table(["outcome", "condition − baseline", "pairs", "judged (pp)", "corrected (pp)",
                               f"corrected {level} CI (pp)", "how much judge error could explain"],
                              [[c.outcome, c.condition, c.n, fmt.points(c.judged), fmt.points(c.corrected),
                                fmt.interval_points([c.low, c.high]), c.line] for c in view.contrasts])
    return lines
