"""``redline sweep MODELS.txt``: one audit per listed model, then one comparison (``redline.pipeline.sweep``).

Takes every ``redline run`` option; each applies to every model (a model's line may override its endpoint and
key variable).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from redline.commands.options import audit_options, audit_values, plan_options


@click.command("sweep")
@click.argument("models_file", type=click.Path(dir_okay=False, path_type=Path))
@audit_options
@plan_options
def sweep(models_file: Path, suites: tuple[str, ...], conditions: str | None, no_cache: bool, no_judge: bool,
          no_report: bool, quiet: bool, base_urls: tuple[str, ...], config_file: Path | None, dry_run: bool,
          fail_on: str | None, **options: Any) -> None:
    """Audit every model listed in MODELS_FILE, then compare them.

    One line per model: PROVIDER/NAME [BASE_URL ...] [api_key_env=VAR]; '#' starts a comment. Prints a table
    per run, the largest differences between models, and, as its last line, the sweep directory
    (sweep.json, compare.json).
    """
    from redline.commands.run import options_and_gate, sweep_specs
    from redline.config_file import load_audit_file
    from redline.pipeline.sweep import parse_models

    if options.pop("model", None):
        raise click.UsageError("--model: a sweep takes its models from MODELS_FILE")
    file_values = load_audit_file(config_file) if config_file else {}
    if "models" in file_values or "model" in file_values:
        raise click.UsageError("--config: a sweep takes its models from MODELS_FILE, not from the audit file")
    flags = audit_values(suites, conditions, no_cache, no_judge, no_report, base_urls, dict(options))
    values, gate = options_and_gate(file_values, flags, fail_on)
    sweep_specs(models_file, parse_models(models_file), values, quiet=quiet, dry_run=dry_run, gate=gate)
