"""``redline query``: DuckDB SQL over the runs' JSONL files."""

from __future__ import annotations

import click


@click.command("query")
@click.argument("sql")
@click.option("--runs-dir", default="runs", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def query(sql: str, runs_dir: str, fmt: str) -> None:
    """Run SQL over views `generations`, `verdicts`, `trials`, `cases` and `manifests` of every run.

    Example: redline query "select condition_id, count(*) from generations group by 1"
    """
    from redline.query import run_query

    click.echo(run_query(sql, runs_dir, fmt), nl=False)
