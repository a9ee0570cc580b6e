"""A run's status counts and verdict table, for the terminal summary (``redline.commands.output``)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from redline.records import RunData


def run_status(run: RunData) -> dict[str, Any]:
    manifest = run.manifest
    trials = {t.trial_id for t in run.trials}
    gens = run.generations
    errors = sum(1 for t, g in gens.items() if not g.ok and t in trials)
    generated = len(trials & {t for t, g in gens.items() if g.ok})
    fps = set(manifest.judges.values())
    verdicts = sum(1 for (_, fp) in run.verdicts if fp in fps)
    return {"status": "complete" if trials and generated == len(trials) else "partial",
            "trials": len(trials), "generated": generated, "errors": errors, "verdicts": verdicts,
            "model": manifest.config.get("model", ""), "created_at": manifest.created_at}


def error_hint(run: RunData) -> str | None:
    """One line when planned trials ended in error (the run exits non-zero), saying how to retry them."""
    trials = {t.trial_id for t in run.trials}
    errors = sum(1 for t, g in run.generations.items() if t in trials and not g.ok)
    if not errors:
        return None
    return (f"{errors} of {len(trials)} trials ended in error; re-run the same command to retry them "
            "(finished trials are kept)")


def truncation_hint(run: RunData) -> str | None:
    """A warning when answers were cut off by the token limit (never a refusal: ``degenerate`` when unfinished)."""
    from redline.backends.base import CAPPED
    from redline.backends.openai_http import MAX_RESPONSE_ENV

    truncated = [g for g in run.generations.values() if g.ok and g.truncated]
    capped = sum(1 for g in truncated if g.finish_reason == CAPPED)
    cut = [g for g in truncated if g.finish_reason != CAPPED]
    lines = []
    if cut:
        limit = run.manifest.config.get("max_tokens", "")
        reasoning = sum(1 for g in cut if g.reasoning)
        why = f"; {reasoning} of them were still reasoning (a reasoning model needs more tokens)" if reasoning else ""
        lines.append(f"warning: {len(cut)} answers were cut off by --max-tokens {limit}{why}; raise --max-tokens "
                     "to judge whole answers")
    if capped:
        lines.append(f"warning: {capped} answers were cut at the response size cap and kept as cut off; raise "
                     f"{MAX_RESPONSE_ENV} (bytes) to judge whole answers")
    return "\n".join(lines) or None


def label_table(run: RunData) -> dict[str, Counter[str]]:
    """(suite/condition) -> counts of the labels the statistics count (one per trial: the primary judge's
    verdict, or the fallback judge's where the primary one gave none)."""
    from redline.stats.observations import load_observations

    table: dict[str, Counter[str]] = {}
    for obs in load_observations(run).observations:
        if obs.label is not None:
            table.setdefault(f"{obs.suite}/{obs.condition_id}", Counter())[obs.label] += 1
    return table


def sandbox_line(run: RunData) -> str:
    """Which sandbox ran the generated code (or why none did), for the run summary."""
    box = run.manifest.sandbox
    if not box:
        return ""
    if box.get("used", "unavailable") == "unavailable":
        return (f"sandbox: none available (requested {box.get('requested', '?')}: {box.get('reason', '')}); "
                "exploit-verified verdicts not run, the static code verdicts stand")
    line = f"sandbox: {box['used']} (requested {box.get('requested', '?')}); code outcomes are exploit-verified " \
           "where a task has a harness"
    if box.get("languages"):
        line += f" (languages: {box['languages']})"
    if box["used"] == "none":
        line += " - WARNING: model-written code ran without isolation"
    return line
