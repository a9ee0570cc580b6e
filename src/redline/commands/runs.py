"""``redline runs``: the runs in a runs directory with status and counts."""

from __future__ import annotations

from pathlib import Path

import click


@click.group("runs", invoke_without_command=True)
@click.option("--runs-dir", default="runs", show_default=True)
@click.pass_context
def runs(ctx: click.Context, runs_dir: str) -> None:
    """List runs with status and counts."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_, runs_dir=runs_dir)


@runs.command("list")
@click.option("--runs-dir", default="runs", show_default=True)
def list_(runs_dir: str) -> None:
    """Runs with status (complete / partial), trials, generations, errors and verdicts."""
    from redline.pipeline.summary import run_status
    from redline.store.run_dir import list_runs

    found = list_runs(Path(runs_dir))
    if not found:
        click.echo(f"no runs in {runs_dir}")
        return
    click.echo("run_id\tstatus\ttrials\tgenerated\terrors\tverdicts\tmodel\tcreated")
    from redline.errors import RedlineError
    from redline.text import safe_text

    for r in found:
        try:
            st = run_status(r.load())
        except (RedlineError, ValueError, OSError) as exc:  # one broken run never hides the others
            click.echo(f"redline: warning: skipping run {safe_text(r.run_id)}: {safe_text(str(exc))[:200]}", err=True)
            continue
        click.echo(f"{r.run_id}\t{st['status']}\t{st['trials']}\t{st['generated']}\t{st['errors']}\t"
                   f"{st['verdicts']}\t{st['model']}\t{st['created_at']}")
