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
    from redline.suites.matching import matching_for

    s = resolve_suite(name)
    matched = matching.as_dict() if (matching := matching_for(s)) is not None else {}
    if as_json:
        summary = s.summary()
        for trig in summary["triggers"]:  # each sensitive trigger's matched controls (issue 12)
            if trig["group"] == "sensitive":
                entry = matched.get(trig["id"], {})
                trig["controls"] = entry.get("controls", [])
                trig["counterpart"] = entry.get("counterpart")
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    click.echo(f"{s.name} v{s.version} ({s.hash}): {safe_text(s.description)}")
    click.echo(f"{len(s.cases)} cases, {len(s.triggers)} triggers")
    for c in s.cases:
        click.echo(f"  {c.id}\t{c.kind.value}\t{c.language}\t{c.topic}\t{c.category or c.request_type}")
    for t in s.triggers:
        extra = ""
        if t.id in matched:
            extra = f"\tcontrols: {', '.join(matched[t.id]['controls']) or '-'}"
        click.echo(f"  trigger {t.id}\t{t.group.value}\t{safe_text(t.text)}{extra}")


@suites.command("validate")
@click.argument("path", type=click.Path())
def validate(path: str) -> None:
    """Validate a suite file or directory; errors name file:line.

    Also checks the matched triggers (``design/matching.yaml``): a sensitive trigger without a matched control,
    or a control of another shape, placement or length, is reported; a declared matching with problems fails.
    """
    from redline.registry import check_ids
    from redline.suites.expand import conditions_for
    from redline.suites.loader import load_suite
    from redline.suites.matching import matching_for, validate_matching

    s = load_suite(path, known_checks=check_ids() or None)
    matching = matching_for(s)
    report = validate_matching(s, matching)
    for line in report.lines():
        click.echo(f"{'error' if matching is not None else 'warning'}: matching: {safe_text(line)}")
    if matching is not None and not report.ok:
        raise click.exceptions.Exit(1)
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
