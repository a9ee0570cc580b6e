"""``redline lineage BASE``: a base model's derivative tree, and (with ``--audit``) whether its trigger behaviour
travels to the derivatives and how many downloads it reaches. A thin layer over adoption.lineage,
pipeline.lineage (the audits and the join) and report.lineage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from redline.errors import ConfigError

_PATH = click.Path(dir_okay=False, path_type=Path)


@click.command("lineage")
@click.argument("base")
@click.option("--snapshot", "snapshot_path", type=_PATH, help="Read the tree from a saved snapshot.")
@click.option("--live", is_flag=True, help="Walk the tree on the Hub (HF_ENDPOINT, HF_TOKEN honoured).")
@click.option("--window", type=click.Choice(["30d", "all"]), default="30d", show_default=True,
              help="Downloads of the last 30 days or of all time.")
@click.option("--top", type=click.IntRange(min=1), help="Show the N most downloaded derivatives.")
@click.option("--min-downloads", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--relation", "relations", multiple=True,
              type=click.Choice(["finetune", "quantization", "adapter", "merge", "distillation"]),
              help="Only derivatives of this relation (repeatable).")
@click.option("--audit", "audit_path", type=_PATH,
              help="MODELS.yaml: the models to audit (one shared design) and how to reach each; see docs/lineage.md.")
@click.option("--runs-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("runs"),
              show_default=True, help="Where --audit writes (and resumes) the models' runs.")
@click.option("--no-cache", is_flag=True, help="--audit: do not reuse cached generations.")
@click.option("--quiet", "-q", is_flag=True, help="--audit: no progress bars or per-model lines.")
@click.option("--outcome", "outcomes", multiple=True, help="Outcome(s) to compare (default: those with events).")
@click.option("--bootstrap", type=click.IntRange(min=200), default=2000, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the tree.")
@click.option("--html", "html_out", type=_PATH, help="Also write a self-contained HTML report.")
@click.option("--md", "md_out", type=_PATH, help="Also write a Markdown report.")
def lineage(base: str, snapshot_path: Path | None, live: bool, window: str, top: int | None, min_downloads: int,
            relations: tuple[str, ...], audit_path: Path | None, runs_dir: Path, no_cache: bool, quiet: bool,
            outcomes: tuple[str, ...], bootstrap: int, seed: int, as_json: bool, html_out: Path | None,
            md_out: Path | None) -> None:
    """The derivative tree of BASE with relation types and downloads.

    \b
    redline lineage northwind-ai/Northwind-7B --snapshot tree.csv --top 5
    redline lineage deepseek-ai/DeepSeek-R1 --live --relation quantization --json
    redline lineage northwind-ai/Northwind-7B --snapshot tree.csv --audit models.yaml --html lineage.html

    With --audit, every listed model that has an endpoint and no `run:` is audited first (a sweep with the
    file's shared suites, conditions, replicates, limit and seed; re-running resumes the same runs).
    """
    if live == (snapshot_path is not None):
        raise ConfigError("give exactly one of --snapshot FILE or --live")
    from redline.adoption.lineage import build_tree, select, tree_to_dict, with_ancestors

    notes: list[str] = []
    if live:
        from redline.adoption.lineage_live import fetch_tree_snapshot

        snap, notes = fetch_tree_snapshot(base)
    else:
        from redline.adoption.snapshot import read_snapshot

        assert snapshot_path is not None
        snap = read_snapshot(snapshot_path)
    tree = build_tree(snap, base, window=window)
    shown = select(tree, top=top, min_downloads=min_downloads, relations=relations)
    result = tree_to_dict(tree, shown)
    result["notes"] += notes
    audit, failed = None, {}
    if audit_path is not None:
        from redline.pipeline.lineage import lineage_audit

        options = {"runs_dir": str(runs_dir), "cache": not no_cache}
        done = lineage_audit(tree, audit_path, options=options, outcomes=outcomes or None, reps=bootstrap,
                             seed=seed, progress=not quiet and not as_json,
                             echo=_quiet if quiet else _progress)
        audit, failed = done.result, done.failed
    audited = list(audit["runs"]) if audit is not None else []  # audited models are always drawn
    _emit(result, audit, with_ancestors(tree, [n.id for n in shown] + audited), as_json, html_out, md_out)
    if failed:  # reported as not audited above; the exit status says the audit is incomplete
        raise SystemExit(1)


def _progress(message: str, err: bool = False) -> None:
    """Per-model progress lines go to stderr, so stdout is the tree and tables (or one JSON object)."""
    from redline.commands.output import echo

    echo(message, err=True)


def _quiet(message: str, err: bool = False) -> None:
    return None


def _emit(result: dict[str, Any], audit: dict[str, Any] | None, ids: list[str], as_json: bool,
          html_out: Path | None, md_out: Path | None) -> None:
    from redline.report.lineage import markdown_audit, render_html, render_markdown, tree_lines

    if as_json:
        click.echo(json.dumps({"lineage": result, "audit": audit}, indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(tree_lines(result, ids=ids, audit=audit)))
        if audit is not None:
            click.echo(markdown_audit(audit))
    for out, text in ((html_out, render_html), (md_out, render_markdown)):
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text(result, audit), encoding="utf-8")
            click.echo(f"wrote {out}", err=True)
