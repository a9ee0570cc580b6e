"""The readable terminal summary of a run, and a run's status counts."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from redline.records import RunData

if TYPE_CHECKING:
    from redline.pipeline.audit import AuditResult


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


def print_summary(result: AuditResult) -> None:
    import sys

    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=False, highlight=False, width=None if sys.stdout.isatty() else 150)
    g = result.generation
    console.print(f"[bold]redline[/bold] run {result.run.run_id}: {result.trials} trials, "
                  f"{g.generated} generated ({g.cached} from cache), {g.skipped} already done, "
                  f"{g.errors} errors, {g.completion_tokens} tokens in {g.seconds:.1f} s "
                  f"({g.tokens_per_s:.0f} tok/s); total {result.seconds:.1f} s", markup=True)
    table = label_table(result.run.load())
    if table:
        labels = sorted({label for counts in table.values() for label in counts})
        out = Table(title="verdicts by condition")
        out.add_column("suite/condition")
        for label in labels:
            out.add_column(label, justify="right")
        for key in sorted(table):
            out.add_row(key, *(str(table[key].get(label, 0)) for label in labels))
        console.print(out)
    stats = result.run.stats()
    if stats is not None:
        from redline.report.terminal import contrasts_table

        console.print(contrasts_table(stats))
    for path in result.reports:
        console.print(f"report: {path}", markup=False)
