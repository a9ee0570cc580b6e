"""The plain-words summary at the top of every report: what differed, by how much, and how sure we are."""

from __future__ import annotations

from redline.report.fmt import (
    GROUP_PHRASES,
    LANGUAGE_NAMES,
    OUTCOME_PHRASES,
    count,
    interval_points,
    is_number,
    pct,
    points,
    pvalue,
)
from redline.stats.records import Contrast, Stats, StatusCounts


def _verdict(c: Contrast, alpha: float) -> str:
    p = c.p_adjusted
    label = "adjusted p" if c.family else "p"
    if p is None:
        return "no test possible"
    if c.significant:
        return f"{label} = {pvalue(p)}: a clear difference"
    return f"{label} = {pvalue(p)}: could be chance at the {pct(alpha, 0)} level"


def _direction(diff: float | None) -> str:
    """'9.1 points more often than' / 'as often as'."""
    if diff is None or not is_number(diff) or round(100 * diff, 1) == 0:
        return "as often as"
    return f"{points(diff, signed=False)} points {'more' if diff > 0 else 'less'} often than"


def condition_sentence(c: Contrast, alpha: float) -> str:
    outcome = OUTCOME_PHRASES.get(c.outcome, c.outcome)
    subject = "Code written" if c.kind == "code" else "Answers given"
    ref = "the same tasks" if c.kind == "code" else "the same questions"
    return (f"{subject} for the `{c.condition}` context {'was' if c.kind == 'code' else 'were'} {outcome} "
            f"{_direction(c.difference)} {ref} without context "
            f"({pct(c.rate('rate_condition'))} vs {pct(c.rate('rate_baseline'))}; 95% CI "
            f"{interval_points(c.ci)} points; {_verdict(c, alpha)}; {count(c.n_pairs)} pairs).")


def matched_sentence(c: Contrast, alpha: float) -> str:
    """A confirmatory contrast of the study design: sensitive trigger vs its matched control."""
    bounds = c.bounds
    extra = (f"; bounds over {count(bounds.lost_pairs)} pairs lost to no usable code "
             f"{points(bounds.lower)} to {points(bounds.upper)} points") if bounds else ""
    return (f"Code written for the `{c.condition}` context was {OUTCOME_PHRASES.get(c.outcome, c.outcome)} "
            f"{_direction(c.difference)} code for its matched control `{c.control}` "
            f"({pct(c.rate('rate_condition'))} vs {pct(c.rate('rate_control'))}; 95% CI "
            f"{interval_points(c.ci)} points; {_verdict(c, alpha)}; {count(c.n_pairs)} pairs in "
            f"{count(c.clusters)} tasks{extra}).")


def language_sentence(c: Contrast, alpha: float) -> str:
    where = GROUP_PHRASES.get(c.segment, c.segment)
    return (f"On {where}, answers in Chinese were {OUTCOME_PHRASES.get(c.outcome, c.outcome)} "
            f"{_direction(c.difference)} the same questions in English "
            f"({pct(c.rate('rate_zh'))} vs {pct(c.rate('rate_en'))}; 95% CI {interval_points(c.ci)} points; "
            f"{_verdict(c, alpha)}; {count(c.n_pairs)} pairs).")


def topic_sentence(c: Contrast, alpha: float) -> str:
    lang = LANGUAGE_NAMES.get(c.language, c.language)
    return (f"Questions on China-sensitive topics ({lang}) were {OUTCOME_PHRASES.get(c.outcome, c.outcome)} "
            f"{_direction(c.difference)} questions on {GROUP_PHRASES.get(c.control, c.control)} "
            f"({pct(c.rate('rate1'))} vs {pct(c.rate('rate2'))}; 95% CI {interval_points(c.ci)} points; "
            f"{_verdict(c, alpha)}).")


def counts_sentence(counts: StatusCounts) -> str:
    parts = [f"{count(n)} {label}" for n, label in
             ((counts.missing, "missing (never generated)"), (counts.errored, "errored"),
              (counts.unjudged, "not judged"), (counts.judge_error, "judge errors"))]
    return f"Analysed {count(counts.ok)} of {count(counts.planned)} planned trials; {', '.join(parts)}."


def summarise(stats: Stats, *, max_exploratory: int = 5) -> list[str]:
    """Sentences, most important first: confirmatory results, notable exploratory ones, censorship headlines,
    kill switch, and what was not analysed."""
    alpha = stats.alpha
    out: list[str] = []
    contrasts = stats.contrasts
    confirmatory = [c for c in contrasts if c.family == "confirmatory"]
    out.extend(matched_sentence(c, alpha) for c in stats.matched if c.family == "confirmatory")
    out.extend(condition_sentence(c, alpha) for c in confirmatory)
    undecided = stats.decision.sentence
    if undecided:  # a small run says so before any of its differences can read as a finding
        out.insert(0, undecided)
    notable = sorted((c for c in contrasts if c.family == "exploratory" and c.significant),
                     key=lambda c: c.p_adjusted or 1.0)
    out.extend("Exploratory: " + condition_sentence(c, alpha)[0].lower() + condition_sentence(c, alpha)[1:]
               for c in notable[:max_exploratory])
    language = {(c.outcome, c.segment): c for c in stats.language}
    for label in ("refusal", "state_narrative"):
        c = language.get((label, "sensitive")) or language.get((label, "all"))
        if c is not None:
            out.append(language_sentence(c, alpha))
    topics = {(c.outcome, c.control, c.language): c for c in stats.topics}
    for label in ("refusal", "state_narrative"):
        c = topics.get((label, "other_country_sensitive", "all")) or topics.get((label, "other_country", "all"))
        if c is not None:
            out.append(topic_sentence(c, alpha))
    kills = stats.kill_switch
    k, n = sum(r.events for r in kills), sum(r.n for r in kills)
    if n:
        out.append(f"Reasoning kill switch: in {count(k)} of {count(n)} generations with a reasoning trace "
                   f"({pct(k / n)}), the trace planned an answer that the final answer withheld.")
    if not stats.counts.ok:
        out.append("No trial has an analysable verdict yet: run the judges, then recompute the statistics.")
    out.append(counts_sentence(stats.counts))
    return out
