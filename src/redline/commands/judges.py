"""``redline judges``: list the judges and measure them on the project's labelled data."""

from __future__ import annotations

import json

import click


@click.group("judges")
def judges() -> None:
    """Inspect and evaluate the judges."""


@judges.command("evaluate")
@click.option("--data-dir", default=None,
              help="Labelled data root (default: $REDLINE_LABELLED_DATA, else ./tests/data in a checkout).")
@click.option("--json", "as_json", is_flag=True)
@click.option("--which", type=click.Choice(["all", "code", "answer"]), default="all")
@click.option("--write-snapshot", is_flag=True,
              help="Also store the headline figures in the package (judge_metrics.json) for reports.")
@click.option("--answers", "answers_only", is_flag=True, help="The answer judge only (same as --which answer).")
@click.option("--public-dir", default=None, type=click.Path(file_okay=False),
              help="Also score the answer judge on the public calibration answers in DIR (test split; "
                   "build DIR with scripts/public_data.py).")
@click.option("--public-split", type=click.Choice(["dev", "test"]), default="test", show_default=True)
def evaluate(data_dir: str | None, as_json: bool, which: str, write_snapshot: bool, answers_only: bool,
             public_dir: str | None, public_split: str) -> None:
    """Precision / recall / F1 (code) and accuracy / macro-F1 / kappa (answers) on labelled examples.

    Each is reported on the dev split (judges were tuned on it), the holdout split (never seen while tuning)
    and both combined.
    """
    from redline.evaluation.metrics import data_dir_from, evaluate_all, format_metrics
    from redline.evaluation.metrics import write_snapshot as store

    which = "answer" if answers_only else which
    if public_dir is not None:
        from redline.evaluation.public_answers import evaluate_public_answers, format_public

        public = evaluate_public_answers(public_dir, split=public_split)
        click.echo(json.dumps(public, indent=2, ensure_ascii=False) if as_json else format_public(public))
        if data_dir is None:
            return
    result = evaluate_all(data_dir_from(data_dir), which=which)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else format_metrics(result))
    if write_snapshot:
        if which != "all":
            raise click.UsageError("--write-snapshot needs --which all")
        click.echo(f"snapshot: {store(result)}", err=True)


@judges.command("list")
def list_() -> None:
    """Registered judges."""
    from redline.registry import JUDGES, judge_names

    for name in judge_names():
        click.echo(f"{name}\t{JUDGES.get(name, 'plugin')}")
