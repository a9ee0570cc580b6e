"""Stage commands: each re-runs one stage of a run from the files in its run directory."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING

import click

from redline.commands.run import run

if TYPE_CHECKING:
    from redline.store.run_dir import RunDir


@click.command("generate", params=[p for p in run.params if p.name not in ("no_judge", "no_report")],
               help="Generation stage only: like `redline run --no-judge --no-report` (resumable).")
@click.pass_context
def generate(ctx: click.Context, /, **options: object) -> None:
    ctx.invoke(run, no_judge=True, no_report=True, **options)


RUN_ARG = click.argument("run_ref", metavar="RUN")
RUNS_DIR = click.option("--runs-dir", default="runs", show_default=True, help="Where to look up a run id.")


@click.command("stats")
@RUN_ARG
@RUNS_DIR
def stats(run_ref: str, runs_dir: str) -> None:
    """Recompute a run's statistics (stats.json) from its verdicts. RUN is a run directory or a run id."""
    from redline.pipeline.stages import stats_stage
    from redline.store.run_dir import find_run

    rd = find_run(run_ref, runs_dir)
    rd.manifest()
    with _run_lock(rd):
        stats_stage(rd)
    click.echo(str(rd.stats_path))


@click.command("report")
@RUN_ARG
@RUNS_DIR
@click.option("--format", "formats", multiple=True, type=click.Choice(["html", "md", "json", "sarif"]),
              help="Formats to write (repeatable; default html, md and json).")
def report(run_ref: str, runs_dir: str, formats: tuple[str, ...]) -> None:
    """Write a run's reports (and stats.json) from its verdicts. RUN is a run directory or a run id."""
    from redline.pipeline.stages import report_stage
    from redline.store.run_dir import find_run

    rd = find_run(run_ref, runs_dir)
    rd.manifest()
    with _run_lock(rd):
        paths = report_stage(rd, formats=formats or ("html", "md", "json"))
    for path in paths:
        click.echo(str(path))


def _run_lock(rd: RunDir) -> IO[str]:
    """The run's lock, waited for: concurrent ``stats``/``report`` (or a run still writing) take turns, so
    their writes never interleave and each reads a whole run."""
    return rd.lock(wait=True, on_wait=lambda: click.echo(f"waiting for another redline process on {rd.path}",
                                                         err=True))


def echo_json(obj: object) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
