"""``redline sweep MODELS.txt``: one audit per listed model, then one comparison (``redline.pipeline.sweep``).

Takes every ``redline run`` option; each applies to every model (a model's line may override its endpoint and
key variable).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from redline.commands.options import audit_options, audit_values


@click.command("sweep")
@click.argument("models_file", type=click.Path(dir_okay=False, path_type=Path))
@audit_options
def sweep(models_file: Path, suites: tuple[str, ...], conditions: str | None, no_cache: bool, no_judge: bool,
          no_report: bool, quiet: bool, base_urls: tuple[str, ...], **options: Any) -> None:
    """Audit every model listed in MODELS_FILE, then compare them.

    One line per model: PROVIDER/NAME [BASE_URL ...] [api_key_env=VAR]; '#' starts a comment. Prints a table
    per run, the largest differences between models, and, as its last line, the sweep directory
    (sweep.json, compare.json).
    """
    from redline.commands.output import echo, print_sweep
    from redline.pipeline.sweep import run_sweep

    if options.pop("model", None):
        raise click.UsageError("--model: a sweep takes its models from MODELS_FILE")
    values = audit_values(suites, conditions, no_cache, no_judge, no_report, base_urls, dict(options))
    stages = ("cache", "judge", "report")  # unset flags are left out, so a sweep's id is as before
    values = {k: v for k, v in values.items() if k in stages or (v is not False and v != ())}
    out, entries, comparison = run_sweep(models_file, values, progress=not quiet, echo=echo)
    print_sweep(entries, comparison)
    echo(str(out))
    if any(e.error for e in entries):
        raise SystemExit(1)
