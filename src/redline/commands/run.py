"""``redline run``: the main job (one model, or several from an audit file: a sweep)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from redline.commands.options import audit_options, audit_values, plan_options
from redline.text import safe_text

STAGES = ("cache", "judge", "report")


def merged_values(file_values: dict[str, Any], flag_values: dict[str, Any]) -> dict[str, Any]:
    """The audit file's options with the flags given on the command line on top. A flag left unset (None, an
    off switch, a stage left on) does not override the file."""
    given = {k: v for k, v in flag_values.items()
             if (v is False if k in STAGES else v is not False and v != ())}
    return {**file_values, **given}


def options_and_gate(file_values: dict[str, Any], flags: dict[str, Any], fail_on: str | None
                     ) -> tuple[dict[str, Any], Any]:
    """The merged options and the ``--fail-on`` gate (the flag's, else the file's)."""
    from redline.errors import ConfigError
    from redline.stats.gate import parse_fail_on

    wanted = fail_on or file_values.pop("fail_on", None)
    file_values.pop("fail_on", None)
    values = merged_values(file_values, flags)
    gate = parse_fail_on(wanted) if wanted else None
    if gate is not None and values.get("judge") is False:
        raise ConfigError("--fail-on: needs verdicts; drop --no-judge")
    return values, gate


@click.command("run")
@audit_options
@plan_options
def run(suites: tuple[str, ...], conditions: str | None, no_cache: bool, no_judge: bool, no_report: bool,
        quiet: bool, base_urls: tuple[str, ...], config_file: Path | None, dry_run: bool, fail_on: str | None,
        **options: object) -> None:
    """Run an audit: plan trials, generate, judge, compute statistics and write reports.

    Prints a summary and, as its last line, the run directory. Interrupted, the same command resumes.
    """
    from redline.config import make_config
    from redline.config_file import load_audit_file, model_entries

    flags = audit_values(suites, conditions, no_cache, no_judge, no_report, base_urls, dict(options))
    file_values = load_audit_file(config_file) if config_file else {}
    entries = model_entries(file_values)
    file_values.pop("models", None)
    values, gate = options_and_gate(file_values, flags, fail_on)
    if entries and "model" in flags:
        entries = []  # --model on the command line overrides the file's models
    if len(entries) == 1:
        one = entries[0]
        values = {**values, **{k: v for k, v in one.model_dump().items() if v not in (None, ())}}
        entries = []
    if entries:
        from redline.pipeline.sweep import ModelLine

        specs = [ModelLine(line=i, model=e.model, base_url=e.base_url, base_urls=tuple(e.base_urls),
                           api_key_env=e.api_key_env) for i, e in enumerate(entries, start=1)]
        sweep_specs(config_file or Path("."), specs, values, quiet=quiet, dry_run=dry_run, gate=gate)
        return
    cfg = make_config(**values)
    if dry_run:
        from redline.commands.output import print_dry_run
        from redline.pipeline.dry_run import dry_run as plan_dry_run

        print_dry_run(plan_dry_run(cfg))
        return
    from redline.commands.output import apply_gate, print_summary
    from redline.pipeline.audit import run_audit

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
    if gate is not None:  # a run that ended in error stopped above: the gate judges complete runs only
        apply_gate(gate, result.run.stats())


def sweep_specs(source: Path, specs: list[Any], values: dict[str, Any], *, quiet: bool, dry_run: bool,
                gate: Any) -> None:
    """Several models: one run each, then the comparison (``redline sweep``, or ``run`` with an audit file)."""
    from redline.commands.output import apply_gates, echo, print_dry_run, print_sweep
    from redline.pipeline.sweep import sweep_configs, sweep_models

    if dry_run:
        from redline.pipeline.dry_run import dry_run as plan_dry_run

        for cfg in sweep_configs(source, specs, values):
            print_dry_run(plan_dry_run(cfg))
        return
    options = {**{k: True for k in STAGES},  # stages always named, so a sweep's id is as before
               **{k: v for k, v in values.items() if k in STAGES or (v is not False and v != ())}}
    out, done, comparison = sweep_models(source, specs, options, progress=not quiet, echo=echo)
    print_sweep(done, comparison)
    echo(str(out))
    if gate is not None:
        from redline.store.run_dir import RunDir

        apply_gates(gate, {e.spec.model: RunDir(e.run_path).stats() for e in done if e.run_path})
    if any(e.error for e in done):
        raise SystemExit(1)
