"""``redline run``: the main job."""

from __future__ import annotations

import click

from redline.commands.options import audit_options, audit_values
from redline.text import safe_text


@click.command("run")
@audit_options
@click.option("--dry-run", is_flag=True,
              help="Print trials per suite/condition, tokens, an ETA and the design's power; generate nothing.")
def run(suites: tuple[str, ...], conditions: str | None, no_cache: bool, no_judge: bool, no_report: bool,
        quiet: bool, base_urls: tuple[str, ...], dry_run: bool, **options: object) -> None:
    """Run an audit: plan trials, generate, judge, compute statistics and write reports.

    Prints a summary and, as its last line, the run directory. Interrupted, the same command resumes.
    """
    from redline.commands.output import echo, print_dry_run, print_summary
    from redline.config import make_config

    values = audit_values(suites, conditions, no_cache, no_judge, no_report, base_urls, dict(options))
    cfg = make_config(**values)
    if dry_run:
        from redline.pipeline.dry_run import dry_run as plan_dry_run

        print_dry_run(plan_dry_run(cfg))
        return
    from redline.pipeline.audit import run_audit

    try:
        result = run_audit(cfg, progress=not quiet)
    except KeyboardInterrupt:
        echo("interrupted: finished trials are saved; run the same command again to resume.", err=True)
        raise SystemExit(130) from None
    print_summary(result)
    click.echo(safe_text(str(result.run.path)))
