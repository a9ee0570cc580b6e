"""``redline config``: validate an audit file, print its schema, or write the audit file of an existing run."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group("config")
def config() -> None:
    """Audit files for 'redline run --config FILE' (YAML or JSON)."""


@config.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check audit files: schema, option values, models. Exit status 2 on the first bad one."""
    from redline.commands.output import echo
    from redline.config import make_config
    from redline.config_file import load_audit_file, model_entries
    from redline.errors import ConfigError, InputError
    from redline.stats.gate import parse_fail_on

    for path in files:
        values = load_audit_file(path)
        if values.get("fail_on"):
            try:
                parse_fail_on(values["fail_on"])
            except ConfigError as exc:
                raise InputError(f"{path}: {exc}") from None
        entries = model_entries(values)
        base = {k: v for k, v in values.items() if k not in ("models", "fail_on")}
        models = [{k: v for k, v in e.model_dump().items() if v not in (None, ())} for e in entries] or [{}]
        for extra in models:
            try:
                cfg = make_config(**{**base, **extra})
            except ConfigError as exc:
                raise InputError(f"{path}: {exc}") from None
            echo(f"{path}: ok: {cfg.model} -> run {cfg.run_id or cfg.audit_spec().run_id()}")


@config.command("schema")
def schema() -> None:
    """Print the JSON Schema of an audit file."""
    from redline.config_file import schema as file_schema

    click.echo(json.dumps(file_schema(), indent=2))


@config.command("of")
@click.argument("run_dir", metavar="RUN")
@click.option("--runs-dir", default="runs", show_default=True, help="Where to look up a run id.")
def of(run_dir: str, runs_dir: str) -> None:
    """Print the audit file (YAML) that reproduces a run: 'redline run --config' with it resumes the run."""
    import yaml

    from redline.config import RunConfig
    from redline.config_file import file_of
    from redline.store.run_dir import find_run

    stored = find_run(run_dir, runs_dir).manifest().config
    cfg = RunConfig.model_validate({k: v for k, v in stored.items() if k in RunConfig.model_fields})
    click.echo(yaml.safe_dump(file_of(cfg), sort_keys=False, allow_unicode=True), nl=False)
