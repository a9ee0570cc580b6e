"""``redline export``: a run as Parquet tables, an Inspect AI eval log or a Hugging Face dataset folder."""

from __future__ import annotations

import click

from redline.text import safe_text


@click.command("export")
@click.argument("run_dir", metavar="RUN")
@click.option("--runs-dir", default="runs", show_default=True, help="Where to look up a run id.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "inspect", "hf"]), required=True,
              help="parquet: tables; inspect: an Inspect AI log (`inspect view`); hf: a Hugging Face dataset folder.")
@click.option("--out", "out", required=True, help="A new or empty directory to write into.")
def export(run_dir: str, runs_dir: str, fmt: str, out: str) -> None:
    """Export RUN (a run directory or a run id); prints every file written. Nothing is written outside --out."""
    from redline.export.inspect_log import export_inspect
    from redline.export.paths import prepare_out
    from redline.export.tables import export_hf, export_parquet
    from redline.store.run_dir import find_run

    run = find_run(run_dir, runs_dir)
    target = prepare_out(out, run.path)
    writer = {"parquet": export_parquet, "inspect": export_inspect, "hf": export_hf}[fmt]
    for path in writer(run, target):
        click.echo(safe_text(str(path)))
