"""The one place that writes to the terminal: run summaries, sweep tables, JSON. Model output only ever reaches
the terminal through ``redline.text.safe_text``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from redline.text import safe_text

if TYPE_CHECKING:
    from redline.pipeline.audit import AuditResult
    from redline.pipeline.sweep import SweepEntry


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
    stats = result.run.stats()
    if stats is not None:
        from redline.report.terminal import contrasts_table

        console.print(contrasts_table(stats))
    for path in result.reports:
        console.print(f"report: {path}", markup=False)


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
    rows = sorted(comparison.get("differences", []),
                  key=lambda d: (not d.get("significant"), 2.0 if d.get("p_bh") is None else d["p_bh"]))
    if not rows:
        return
    diff = Table(title=f"effect differences vs {safe_text(str(rows[0].get('reference', '')))} "
                       f"(top {min(top, len(rows))} of {len(rows)}, BH-adjusted)")
    for col in ("model", "contrast", "difference", "95% CI", "p (BH)"):
        diff.add_column(col, overflow="fold")
    for d in rows[:top]:
        ci = d.get("ci") or [None, None]
        p_bh = d.get("p_bh")
        diff.add_row(safe_text(str(d.get("other", "")).split(" (")[0]), safe_text(str(d.get("id", ""))),
                     _num(d.get("difference")), f"[{_num(ci[0])}, {_num(ci[1])}]",
                     (f"{p_bh:.3g}" if isinstance(p_bh, float) else "-") + (" *" if d.get("significant") else ""))
    console.print(diff)


def _num(value: Any) -> str:
    return f"{value:+.3f}" if isinstance(value, int | float) else "-"
