"""``redline query``: DuckDB SQL over the runs' JSONL files."""

from __future__ import annotations

import click


@click.command("query")
@click.argument("sql")
@click.option("--runs-dir", default="runs", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--allow-files", is_flag=True, help="Let the SQL read and write files and reach the network "
              "(off by default: the query sees only the runs).")
def query(sql: str, runs_dir: str, fmt: str, allow_files: bool) -> None:
    """Run SQL over views `generations`, `verdicts`, `trials`, `cases` and `manifests` of every run.

    Example: redline query "select condition_id, count(*) from generations group by 1"
    """
    from redline.query import run_query
    from redline.text import safe_text

    def warn(message: str) -> None:
        click.echo(f"redline: warning: {safe_text(message)}", err=True)

    click.echo(run_query(sql, runs_dir, fmt, allow_files=allow_files, warn=warn), nl=False)
