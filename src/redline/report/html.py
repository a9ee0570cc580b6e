"""The HTML report: one self-contained file (inline CSS, SVG and script) that makes no network request.

Jinja2 autoescapes every value; model output is only ever inserted as text. A Content-Security-Policy
allows nothing but the page's own inline style and the one script whose hash it names, so even a mistake in
escaping could neither run injected script nor load anything from the network.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from redline.report import fmt
from redline.report.build import Report

TEMPLATES = Path(__file__).parent / "templates"


def codeticks(text: str) -> Markup:
    """Escape a sentence and show `backticked` parts as code."""
    parts = str(text).split("`")
    if len(parts) % 2 == 0:  # unbalanced: show as plain text
        return escape(str(text))
    return Markup("").join(escape(p) if i % 2 == 0 else Markup("<code>") + escape(p) + Markup("</code>")
                           for i, p in enumerate(parts))


def safe_svg(svg: str) -> Markup:
    """SVG built by ``report.plots``, which escapes every label itself."""
    return Markup(svg)  # noqa: S704 - built from numbers and escaped labels only


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(pct=fmt.pct, points=fmt.points, interval_points=fmt.interval_points,
                       interval_rate=fmt.interval_rate, pvalue=fmt.pvalue, ratio=fmt.ratio,
                       interval_ratio=fmt.interval_ratio, count=fmt.count, codeticks=codeticks, safe_svg=safe_svg)
    return env


def asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def content_security_policy(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def render_html(report: Report, template: str = "report.html.j2", **extra: object) -> str:
    """The report page as one string."""
    script = asset("report.js")
    return environment().get_template(template).render(
        report=report, stats=report.stats.to_json(),  # the template lays out the stats.json form
        css=Markup(asset("report.css")), js=Markup(script),  # noqa: S704 - our own assets
        csp=content_security_policy(script),
        manifest_json=json.dumps(report.manifest, indent=2, ensure_ascii=False, default=str), **extra)
