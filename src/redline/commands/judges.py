"""``redline judges``: list the judges and measure them on the project's labelled data."""

from __future__ import annotations

import json

import click


@click.group("judges")
def judges() -> None:
    """Inspect and evaluate the judges."""


@judges.command("evaluate")
@click.option("--data-dir", default=None, help="Labelled data root (default: the project's tests/data).")
@click.option("--json", "as_json", is_flag=True)
@click.option("--which", type=click.Choice(["all", "code", "answer"]), default="all")
def evaluate(data_dir: str | None, as_json: bool, which: str) -> None:
    """Precision / recall / F1 (code) and accuracy / macro-F1 / kappa (answers) on labelled examples."""
    from redline.judges.metrics import evaluate_all, format_metrics

    result = evaluate_all(data_dir, which=which)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else format_metrics(result))
