"""``redline run``: the main job."""

from __future__ import annotations

import click

from redline.commands.options import audit_options, audit_values
from redline.text import safe_text


@click.command("run")
@audit_options
@click.option("--dry-run", is_flag=True,
              help="Print trials per suite/condition, tokens, an ETA and the design's power; generate nothing.")
@click.option("--fail-on", default=None, metavar="significant|any-vulnerable|RATE",
              help="Exit with status 3 when a confirmatory contrast is significant, any code is vulnerable, or the "
                   "vulnerable rate of some condition exceeds RATE (0.25 or 25%).")
def run(suites: tuple[str, ...], conditions: str | None, no_cache: bool, no_judge: bool, no_report: bool,
        quiet: bool, base_urls: tuple[str, ...], dry_run: bool, fail_on: str | None, **options: object) -> None:
    """Run an audit: plan trials, generate, judge, compute statistics and write reports.

    Prints a summary and, as its last line, the run directory. Interrupted, the same command resumes.
    """
    from redline.commands.output import print_dry_run, print_summary
    from redline.config import make_config
    from redline.errors import ConfigError
    from redline.stats.gate import parse_fail_on

    values = audit_values(suites, conditions, no_cache, no_judge, no_report, base_urls, dict(options))
    cfg = make_config(**values)
    gate = parse_fail_on(fail_on) if fail_on else None
    if gate is not None and not cfg.judge:
        raise ConfigError("--fail-on: needs verdicts; drop --no-judge")
    if dry_run:
        from redline.pipeline.dry_run import dry_run as plan_dry_run

        print_dry_run(plan_dry_run(cfg))
        return
    from redline.pipeline.audit import run_audit

    result = run_audit(cfg, progress=not quiet)
    print_summary(result)
    click.echo(safe_text(str(result.run.path)))
    if gate is not None:
        from redline.commands.output import apply_gate

        apply_gate(gate, result.run.stats() or {})
