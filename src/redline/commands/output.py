"""The one place that writes to the terminal: run summaries, sweep tables, JSON. Model output only ever reaches
the terminal through ``redline.text.safe_text``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from redline.text import safe_text

if TYPE_CHECKING:
    from redline.pipeline.audit import AuditResult
    from redline.pipeline.dry_run import DryRun
    from redline.pipeline.sweep import SweepEntry
    from redline.stats.gate import Gate


def echo(message: str, err: bool = False) -> None:
    """One line, stripped of escape sequences."""
    click.echo(safe_text(message), err=err)


def echo_json(obj: object) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


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
    from redline.pipeline.summary import label_table, sandbox_line

    data = result.run.load()
    line = sandbox_line(data)
    if line:
        console.print(line, markup=False)
    table = label_table(data)
    if table:
        labels = sorted({label for counts in table.values() for label in counts})
        out = Table(title="verdicts by condition")
        out.add_column("suite/condition")
        for label in labels:
            out.add_column(label, justify="right")
        for key in sorted(table):
            out.add_row(key, *(str(table[key].get(label, 0)) for label in labels))
        console.print(out)
    from redline.stats.records import read_stats

    stats = read_stats(result.run.stats())
    if stats is not None:
        from redline.report.terminal import contrasts_table, language_table

        console.print(contrasts_table(stats))
        languages = language_table(stats)
        if languages is not None:
            console.print(languages)
        from redline.report.summary import summarise

        console.print("[bold]summary[/bold]", markup=True)
        for sentence in summarise(stats):
            console.print(safe_text(f"- {sentence}"), markup=False)
    for path in result.reports:
        console.print(f"report: {path}", markup=False)


def duration(seconds: float) -> str:
    """``95 s``, ``12 min``, ``3.4 h``."""
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def print_dry_run(plan: DryRun) -> None:
    """What ``redline run`` would do with the same options (nothing is generated or written)."""
    from redline.pipeline.dry_run import ASSUMED_BASELINE, ASSUMED_TARGET

    state = f"resumes {plan.run_path} ({plan.done} already generated)" if plan.resumes else f"new run {plan.run_path}"
    echo(f"dry run: {plan.run_id}: {state}")
    suites = sorted({s for s, _ in plan.cells})
    for suite in suites:
        rows = sorted((c, n) for (s, c), n in plan.cells.items() if s == suite)
        counts = {n for _, n in rows}
        head = f"  {suite}: {sum(n for _, n in rows)} trials, {len(rows)} conditions"
        if len(counts) == 1 and len(rows) > 6:
            echo(f"{head} x {counts.pop()} trials each: " + ", ".join(c for c, _ in rows[:6]) + ", ...")
        else:
            echo(f"{head}: " + ", ".join(f"{c} {n}" for c, n in rows))
    echo(f"trials: {plan.planned} planned, {plan.to_generate} to generate")
    t = plan.throughput
    basis = (f"{t.mean_completion_tokens:.0f} measured per generation" if t and t.mean_completion_tokens
             else f"at most {plan.max_tokens} each (--max-tokens)")
    echo(f"tokens: ~{plan.prompt_tokens:,} prompt (estimated from characters), "
         f"{plan.completion_tokens:,} completion ({basis})")
    eta = plan.eta_s
    if t is None or eta is None:
        echo("ETA: unknown (no generations of this model in the runs directory and no declared throughput; "
             "a run with --limit 1 measures it)")
    else:
        echo(f"ETA: {duration(eta)} at {t.tokens_per_s:.1f} tok/s per request x {plan.concurrency} in flight "
             f"({t.source}: {t.detail})")
    for p in plan.power:
        need = f"{p.tasks_needed:,} tasks" if p.tasks_needed is not None else "more tasks than the planner searches"
        echo(f"power ({p.suite}): {p.conditions} confirmatory contrast(s), {p.tasks} tasks x {p.replicates} "
             f"replicate(s): {100 * p.power:.0f}% to detect {100 * ASSUMED_BASELINE:.0f}% -> "
             f"{100 * ASSUMED_TARGET:.1f}% vulnerable code (tasks as the unit, ICC {p.icc:g}, judge {p.judge}, "
             f"alpha 0.05/{p.conditions}; `redline plan` for other assumptions); 80% power needs {need}")
    if not plan.power:
        echo("power: no code suite in this plan runs a sensitive trigger beside its matched control (the confirmatory "
             "family); --profile standard runs exactly those")


def apply_gate(gate: Gate, stats: dict[str, Any] | None) -> None:
    """Say whether the run passes ``--fail-on``; exit with status 3 when it does not."""
    apply_gates(gate, {"": stats})


def apply_gates(gate: Gate, stats_by_model: dict[str, dict[str, Any] | None]) -> None:
    """``--fail-on`` over one run or every run of a sweep; exit with status 3 when any run fails it."""
    import sys

    from redline.stats.gate import GATE_EXIT, gate_failures
    from redline.stats.records import Stats, read_stats

    failed = False
    for model, stats in stats_by_model.items():
        where = f" ({model})" if model else ""
        reasons = gate_failures(gate, read_stats(stats) or Stats.from_json({}))
        echo(f"--fail-on {gate.describe()}{where}: " + (f"failed ({len(reasons)})" if reasons else "passed"),
             err=True)
        for reason in reasons:
            echo(f"  {reason}", err=True)
        failed = failed or bool(reasons)
    if failed:
        sys.exit(GATE_EXIT)


def print_sweep(entries: list[SweepEntry], comparison: dict[str, Any] | None, *, top: int = 15) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    table = Table(title="sweep: one run per model")
    for col in ("model", "status", "trials", "generated", "errors", "verdicts", "run"):
        numeric = col in ("trials", "generated", "errors", "verdicts")
        table.add_column(col, justify="right" if numeric else "left", overflow="fold")
    for e in entries:
        st = e.status
        table.add_row(safe_text(e.spec.model), "failed" if e.error else str(st.get("status", "")),
                      *(str(st.get(k, "")) for k in ("trials", "generated", "errors", "verdicts")),
                      safe_text(e.run_path.name if e.run_path else (e.error or "")[:60]))
    console.print(table)
    if not comparison:
        return
    from redline.pipeline.sweep import largest_differences
    from redline.report import fmt

    every = comparison.get("differences", [])
    rows = largest_differences(every, top)
    if not rows:
        return
    diff = Table(title=f"largest effect differences vs {safe_text(str(rows[0].get('reference', '')))} "
                       f"({len(rows)} of {len(every)}: confirmatory first, then by size; percentage points)")
    for col in ("model", "contrast", "family", "difference (points)", "95% CI (points)", "test", "p", "p (BH)"):
        diff.add_column(col, overflow="fold", justify="left" if col in ("model", "contrast", "family", "test")
                        else "right")
    for d in rows:
        diff.add_row(safe_text(str(d.get("other", "")).split(" (")[0]), safe_text(str(d.get("id", ""))),
                     safe_text(str(d.get("family") or "")), fmt.points(d.get("difference")),
                     fmt.interval_points(d.get("ci")), safe_text(str(d.get("test") or "")), fmt.pvalue(d.get("p")),
                     fmt.pvalue(d.get("p_bh")) + (" *" if d.get("significant") else ""))
    console.print(diff)
