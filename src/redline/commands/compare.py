"""``redline compare``: runs of several models side by side, with the difference in trigger effects."""

from __future__ import annotations

from pathlib import Path

import click

from redline.text import safe_text


@click.command("compare")
@click.argument("runs", nargs=-1, required=True)
@click.option("--runs-dir", default="runs", show_default=True, help="Where to look up a run id.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("redline-compare"),
              show_default=True, help="Directory to write compare.html / compare.md / compare.json into.")
@click.option("--format", "formats", type=click.Choice(["html", "md", "json"]), multiple=True,
              help="Output format (repeatable; default all three).")
@click.option("--alpha", type=float, default=0.05, show_default=True, help="Significance level.")
def compare(runs: tuple[str, ...], runs_dir: str, out_dir: Path, formats: tuple[str, ...], alpha: float) -> None:
    """Compare RUN_A RUN_B ...: rates and contrasts side by side, and each run's trigger effects minus RUN_A's.
    Each RUN is a run directory or a run id (what ``redline runs`` prints)."""
    from redline.errors import ConfigError
    from redline.report.compare import COMPARE_FORMATS, write_comparison
    from redline.stats.compare import compare_runs
    from redline.store.run_dir import find_run

    if len(runs) < 2:
        raise ConfigError("compare: give at least two run directories")
    result = compare_runs([find_run(ref, runs_dir).load() for ref in runs], alpha=alpha)
    for path in write_comparison(result, out_dir, formats or COMPARE_FORMATS):
        click.echo(safe_text(str(path)))
