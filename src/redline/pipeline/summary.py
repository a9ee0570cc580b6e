"""A run's status counts and verdict table, for the terminal summary (``redline.commands.output``)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from redline.records import RunData


def run_status(run: RunData) -> dict[str, Any]:
    manifest = run.manifest
    trials = {t.trial_id for t in run.trials}
    gens = run.generations
    errors = sum(1 for g in gens.values() if not g.ok)
    generated = len(trials & set(gens))
    fps = set(manifest.judges.values())
    verdicts = sum(1 for (_, fp) in run.verdicts if fp in fps)
    return {"status": "complete" if trials and generated == len(trials) else "partial",
            "trials": len(trials), "generated": generated, "errors": errors, "verdicts": verdicts,
            "model": manifest.config.get("model", ""), "created_at": manifest.created_at}


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
    if box["used"] == "none":
        line += " - WARNING: model-written code ran without isolation"
    return line
