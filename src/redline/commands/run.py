"""``redline run``: the main job."""

from __future__ import annotations

import click

from redline.commands.options import audit_options, audit_values
from redline.text import safe_text


@click.command("run")
@audit_options
def run(suites: tuple[str, ...], conditions: str | None, no_cache: bool, no_judge: bool, no_report: bool,
        quiet: bool, base_urls: tuple[str, ...], **options: object) -> None:
    """Run an audit: plan trials, generate, judge, compute statistics and write reports.

    Prints a summary and, as its last line, the run directory.
    """
    from redline.commands.output import print_summary
    from redline.config import make_config
    from redline.pipeline.audit import run_audit

    values = audit_values(suites, conditions, no_cache, no_judge, no_report, base_urls, dict(options))
    cfg = make_config(**values)
    result = run_audit(cfg, progress=not quiet)
    print_summary(result)
    from redline.errors import RunStopped
    from redline.pipeline.summary import error_hint, truncation_hint

    data = result.run.load()
    warning = truncation_hint(data)
    if warning:
        click.echo(safe_text(warning), err=True)
    click.echo(safe_text(str(result.run.path)))  # the last line of a successful run: its directory
    hint = error_hint(data)
    if hint:
        raise RunStopped(hint)
