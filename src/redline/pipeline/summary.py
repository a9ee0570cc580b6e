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
    """(suite/condition) -> counts of verdict labels, from the judges recorded in the manifest."""
    manifest = run.manifest
    fps = set(manifest.judges.values())
    gens = run.generations
    table: dict[str, Counter[str]] = {}
    for (trial_id, fp), verdict in run.verdicts.items():
        gen = gens.get(trial_id)
        if fp not in fps or gen is None:
            continue
        table.setdefault(f"{gen.suite}/{gen.condition_id}", Counter())[verdict.label] += 1
    return table
