"""``redline adoption``: download shares by developer country, from a saved snapshot or the live Hub.

A group that is also a command: ``redline adoption --snapshot FILE`` analyses, ``redline adoption snapshot --out
FILE`` saves a snapshot. Library errors (``InputError`` and friends) propagate to ``run_cli``, which prints one line
and exits with status 2 for bad input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from redline.errors import ConfigError

_PATH = click.Path(dir_okay=False, path_type=Path)


def _authors(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split(",") if a.strip()]


def _check_source(top: int | None, authors: str | None) -> None:
    if top is not None and authors:
        raise ConfigError("use either --top or --authors, not both")


@click.group("adoption", invoke_without_command=True)
@click.option("--snapshot", "snapshot_path", type=_PATH, help="Analyse a saved snapshot (.csv, .jsonl, .parquet).")
@click.option("--live", is_flag=True, help="Fetch model metadata from the Hub (HF_ENDPOINT, HF_TOKEN honoured).")
@click.option("--top", type=click.IntRange(min=1), help="With --live: the N most downloaded models [default: 1000].")
@click.option("--authors", help="With --live: comma-separated Hub accounts whose models to fetch.")
@click.option("--attribution", type=click.Choice(["uploader", "lineage", "both"]), default="both", show_default=True,
              help="Credit downloads to the uploader, to the root model's developer, or show both.")
@click.option("--window", type=click.Choice(["30d", "all", "between"]), default="30d", show_default=True,
              help="Last 30 days, all time, or the difference between --previous and this snapshot.")
@click.option("--previous", "previous_path", type=_PATH, help="Earlier snapshot for --window between.")
@click.option("--exclude-quantized", is_flag=True, help="Leave GGUF and other quantised repositories out.")
@click.option("--top-k", type=click.IntRange(min=1), default=5, show_default=True, help="k for the top-k share.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option("--html", "html_out", type=_PATH, help="Also write a self-contained HTML report to this file.")
@click.option("--orgs", "orgs_path", type=_PATH, help="Extra organisation table (YAML) extending the shipped one.")
@click.option("--refresh", is_flag=True, help="With --live: ignore the local Hub cache.")
@click.pass_context
def adoption(
    ctx: click.Context,
    snapshot_path: Path | None,
    live: bool,
    top: int | None,
    authors: str | None,
    attribution: str,
    window: str,
    previous_path: Path | None,
    exclude_quantized: bool,
    top_k: int,
    as_json: bool,
    html_out: Path | None,
    orgs_path: Path | None,
    refresh: bool,
) -> None:
    """Download shares by developer country and organisation on the Hugging Face Hub.

    \b
    redline adoption --snapshot snap.csv --attribution both --json
    redline adoption --snapshot now.csv --window between --previous last-month.csv
    redline adoption --live --top 500 --html adoption.html
    redline adoption snapshot --out snapshots/2025-06-01.parquet
    """
    if ctx.invoked_subcommand is not None:
        return
    if live == (snapshot_path is not None):
        raise ConfigError("give exactly one of --snapshot FILE or --live (or use `redline adoption snapshot`)")
    if not live and (top is not None or authors or refresh):
        raise ConfigError("--top, --authors and --refresh apply to --live only")
    _check_source(top, authors)
    if (window == "between") != (previous_path is not None):
        raise ConfigError("--window between needs --previous FILE, and --previous needs --window between")

    from redline.adoption.analysis import analyse
    from redline.adoption.orgs import load_orgs
    from redline.adoption.snapshot import read_snapshot

    orgs = load_orgs(orgs_path)
    previous = read_snapshot(previous_path) if previous_path is not None else None
    if live:
        from redline.adoption.hub import DEFAULT_TOP, fetch_snapshot

        current = fetch_snapshot(top=None if authors else (top or DEFAULT_TOP), authors=_authors(authors),
                                 refresh=refresh)
    else:
        assert snapshot_path is not None
        current = read_snapshot(snapshot_path)
    result = analyse(current, attribution=attribution, window=window, previous=previous, orgs=orgs,
                     exclude_quantized=exclude_quantized, top_k=top_k)
    _emit(result, as_json=as_json, html_out=html_out)


def _emit(result: dict[str, Any], *, as_json: bool, html_out: Path | None) -> None:
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        from rich.console import Console

        from redline.adoption.report import print_terminal

        print_terminal(result, Console())
    if html_out is not None:
        from redline.adoption.report import render_html

        html_out.parent.mkdir(parents=True, exist_ok=True)
        html_out.write_text(render_html(result), encoding="utf-8")
        click.echo(f"wrote {html_out}", err=True)


@adoption.command("snapshot")
@click.option("--out", "out_path", type=_PATH, required=True, help="File to write (.csv, .jsonl or .parquet).")
@click.option("--top", type=click.IntRange(min=1), help="The N most downloaded models [default: 1000].")
@click.option("--authors", help="Comma-separated Hub accounts whose models to fetch.")
@click.option("--refresh", is_flag=True, help="Ignore the local Hub cache.")
def snapshot(out_path: Path, top: int | None, authors: str | None, refresh: bool) -> None:
    """Save a snapshot of the live Hub, to build your own time series."""
    _check_source(top, authors)
    from redline.adoption.hub import DEFAULT_TOP, fetch_snapshot
    from redline.adoption.snapshot import snapshot_format, write_snapshot

    snapshot_format(out_path)  # fail on a bad suffix before any network call
    snap = fetch_snapshot(top=None if authors else (top or DEFAULT_TOP), authors=_authors(authors), refresh=refresh)
    write_snapshot(snap, out_path)
    click.echo(f"wrote {len(snap.models)} models to {out_path} (snapshot date {snap.taken_at.isoformat()})")
