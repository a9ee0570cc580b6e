"""``redline suites``: list, show and validate suites."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from redline.text import safe_text

if TYPE_CHECKING:
    from redline.suites.loader import Suite


@click.group("suites")
def suites() -> None:
    """List, show and validate suites."""


@suites.command("list")
def list_() -> None:
    """Shipped suites with their case and trigger counts."""
    from redline.errors import SuiteError
    from redline.suites.loader import builtin_suites, resolve_suite

    broken = 0
    for name in builtin_suites():
        try:
            s = resolve_suite(name)
        except SuiteError as exc:
            broken += 1
            click.echo(f"{name}\tbroken: {safe_text(str(exc))}")
            continue
        click.echo(f"{name}\tv{s.version}\t{len(s.cases)} cases\t{len(s.triggers)} triggers\t{s.hash}")
    if broken:
        raise click.exceptions.Exit(2)


@suites.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def show(name: str, as_json: bool) -> None:
    """Show a suite's cases and triggers (NAME is a shipped suite or a path)."""
    from redline.suites.loader import resolve_suite

    s = resolve_suite(name)
    if as_json:
        click.echo(json.dumps(s.summary(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{s.name} v{s.version} ({s.hash}): {safe_text(s.description)}")
    click.echo(f"{len(s.cases)} cases, {len(s.triggers)} triggers")
    for c in s.cases:
        click.echo(f"  {c.id}\t{c.kind.value}\t{c.language}\t{c.topic}\t{c.category or c.request_type}")
    for t in s.triggers:
        click.echo(f"  trigger {t.id}\t{t.group.value}\t{safe_text(t.text)}")


@suites.command("validate")
@click.argument("path", type=click.Path())
def validate(path: str) -> None:
    """Validate a suite file or directory; errors name file:line."""
    from redline.registry import check_ids
    from redline.suites.expand import conditions_for
    from redline.suites.loader import load_suite

    s = load_suite(path, known_checks=check_ids() or None)
    _hygiene(s)
    click.echo(f"ok: {s.name} v{s.version}: {len(s.cases)} cases, {len(s.triggers)} triggers, "
               f"{len(conditions_for(s))} conditions, hash {s.hash}")


def _hygiene(s: Suite) -> None:
    """Prompt hygiene and group balance of question suites (redline.suites.hygiene); findings fail validation."""
    from redline.judges.phrases import scan_markers
    from redline.suites.hygiene import balance_lines, group_balance, hygiene_findings

    if not any(c.kind.value == "question" for c in s.cases):
        return
    for line in balance_lines(group_balance(s.cases)):
        click.echo(f"groups: {line}")
    findings = hygiene_findings(s.cases, scan_markers)
    for finding in findings:
        click.echo(f"hygiene: {safe_text(str(finding))}", err=True)
    if findings:
        click.echo(f"{len(findings)} prompt-hygiene / balance finding(s)", err=True)
        raise click.exceptions.Exit(2)
