"""Present an adoption result: rich tables for the terminal, one self-contained HTML file with inline SVG plots.

Both read only the ``analyse`` result dict, so a saved ``--json`` can be re-rendered. Every label (model ids,
account names, table entries) is treated as untrusted text: Jinja2 autoescapes it in HTML and the terminal
gets it as plain ``Text`` (no markup) with control characters stripped. The HTML makes no external requests.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from redline import __version__

COLORS = {"uploader": "#1f77b4", "lineage": "#ff7f0e"}
KIND_COLORS = {"finetune": "#4c78a8", "quantization": "#f58518", "adapter": "#54a24b", "merge": "#b279a2"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _plain(value: Any) -> Text:
    return Text(_CONTROL.sub("", str(value)))


def _strip_controls(value: Any) -> Any:
    """Jinja finalizer: control characters are invalid in the inline SVG and never needed in a label."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def modes(result: Mapping[str, Any]) -> list[str]:
    return list(result["by_attribution"])


# ---------------------------------------------------------------- terminal


def print_terminal(result: Mapping[str, Any], console: Console, *, rows: int = 12) -> None:
    """Summary tables: shares by country, top organisations, concentration, derivative families, cadence."""
    ms = modes(result)
    blocks = result["by_attribution"]
    win = result["window"]
    console.print(
        _plain(
            f"{result['snapshot']['source']} | {result['snapshot']['models']} models | window {win['name']} "
            f"({(win['start'] or 'first download')[:10]} .. {win['end'][:10]}) | {win['total_downloads']:,} downloads"
            + (" | quantised repos excluded" if result["exclude_quantized"] else "")
        )
    )
    countries = _union_keys([blocks[m]["shares_by_country"] for m in ms], rows)
    table = Table(title="Share of downloads by developer country")
    table.add_column("country")
    for m in ms:
        table.add_column(m, justify="right")
        table.add_column(f"{m} w/o quantised", justify="right")
    for c in countries:
        cells = []
        for m in ms:
            cells += [_pct(blocks[m]["shares_by_country"].get(c, 0.0)),
                      _pct(blocks[m]["without_quantized"]["shares_by_country"].get(c, 0.0))]
        table.add_row(_plain(c), *cells)
    console.print(table)

    orgs = _union_keys([blocks[m]["shares_by_org"] for m in ms], rows)
    notes = result.get("organisations", {})
    table = Table(title="Top developers")
    table.add_column("developer")
    table.add_column("name")
    table.add_column("country")
    for m in ms:
        table.add_column(m, justify="right")
    for o in orgs:
        note = notes.get(o, {})
        table.add_row(_plain(o), _plain(note.get("name", "")), _plain(bucket_of(o, notes)),
                      *[_pct(blocks[m]["shares_by_org"].get(o, 0.0)) for m in ms])
    console.print(table)

    table = Table(title="Concentration over developers")
    table.add_column("metric")
    for m in ms:
        table.add_column(m, justify="right")
    k = result["top_k"]
    metric_rows: list[tuple[str, str]] = [
        ("HHI (0-1)", "hhi"), ("HHI points", "hhi_points"), ("Gini", "gini"), (f"top-{k} share", "top_k_share"),
        ("developers", "developers"), ("quantised share of downloads", "quantized_share"),
    ]
    for label, key in metric_rows:
        table.add_row(label, *[_fmt_metric(key, blocks[m][key]) for m in ms])
    table.add_row("HHI without quantised", *[f"{blocks[m]['without_quantized']['hhi']:.4f}" for m in ms])
    console.print(table)

    fams = list(result["derivatives"].items())[:rows]
    if fams:
        table = Table(title="Derivatives per base family (lineage root)")
        for col in ("base model", "developer", "country", "finetune", "quantization", "adapter", "merge", "total"):
            table.add_column(col, justify="right" if col in KIND_COLORS or col == "total" else "left")
        for root, f in fams:
            table.add_row(_plain(root), _plain(f["developer"]), _plain(f["country"]),
                          *[str(f[c]) for c in ("finetune", "quantization", "adapter", "merge", "total")])
        console.print(table)

    per_org = list(result["cadence"]["per_org"].items())[:rows]
    if per_org:
        table = Table(title="Release cadence by uploader (new repositories)")
        for col in ("organisation", "repos", "first", "last", "median days between"):
            table.add_column(col)
        for org, c in per_org:
            gap = c["median_days_between_releases"]
            table.add_row(_plain(org), str(c["repos"]), c["first"], c["last"], "-" if gap is None else f"{gap:g}")
        console.print(table)


def bucket_of(key: str, notes: Mapping[str, Mapping[str, Any]]) -> str:
    """The country bucket of a developer key: from the organisation notes, else unaffiliated (or unknown)."""
    if key in notes:
        return str(notes[key].get("bucket", ""))
    return "unknown" if key == "unknown" else "unaffiliated"


def _fmt_metric(key: str, value: Any) -> str:
    if key in ("hhi", "gini"):
        return f"{value:.4f}"
    if key == "hhi_points":
        return f"{value:,.0f}"
    if key in ("top_k_share", "quantized_share"):
        return _pct(value)
    return str(value)


def _union_keys(maps: Sequence[Mapping[str, float]], limit: int) -> list[str]:
    """Keys of several share maps, ordered by their largest share, at most ``limit``."""
    best: dict[str, float] = {}
    for m in maps:
        for key, value in m.items():
            best[key] = max(best.get(key, 0.0), value)
    return [k for k, _ in sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


# ---------------------------------------------------------------- HTML


def grouped_bars(series: Mapping[str, Mapping[str, float]], keys: Sequence[str], *, width: int = 640) -> dict[str, Any]:
    """Geometry for a horizontal grouped bar chart of shares (0..1): one group per key, one bar per series."""
    label_w, bar_h, gap = 170, 12, 10
    names = list(series)
    peak = max([v for s in series.values() for v in s.values()] + [1e-9])
    scale = (width - label_w - 60) / peak
    groups = []
    y = 24
    for key in keys:
        bars = []
        for i, name in enumerate(names):
            value = series[name].get(key, 0.0)
            bars.append({"x": label_w, "y": y + i * bar_h, "w": max(value * scale, 0.5), "h": bar_h - 2,
                         "color": COLORS.get(name, "#888"), "value": _pct(value), "series": name})
        groups.append({"label": key, "y": y + len(names) * bar_h / 2 + 4, "bars": bars})
        y += len(names) * bar_h + gap
    legend = [{"name": n, "color": COLORS.get(n, "#888"), "x": label_w + i * 110} for i, n in enumerate(names)]
    return {"width": width, "height": y + 6, "label_w": label_w, "groups": groups, "legend": legend}


def stacked_bars(families: Mapping[str, Mapping[str, Any]], *, limit: int = 10, width: int = 640) -> dict[str, Any]:
    """Geometry for derivative counts per family, stacked by kind."""
    label_w, bar_h = 260, 16
    rows = list(families.items())[:limit]
    peak = max([f["total"] for _, f in rows] + [1])
    scale = (width - label_w - 50) / peak
    out = []
    for i, (root, f) in enumerate(rows):
        x, y, segs = float(label_w), 24 + i * (bar_h + 6), []
        for kind, color in KIND_COLORS.items():
            if f[kind]:
                segs.append({"x": x, "w": f[kind] * scale, "color": color, "title": f"{kind}: {f[kind]}"})
                x += f[kind] * scale
        out.append({"label": root, "y": y, "h": bar_h, "segments": segs, "total": f["total"], "end": x})
    legend = [{"name": k, "color": c, "x": label_w + i * 100} for i, (k, c) in enumerate(KIND_COLORS.items())]
    return {"width": width, "height": 24 + len(rows) * (bar_h + 6) + 6, "rows": out, "legend": legend}


def render_html(result: Mapping[str, Any], *, rows: int = 12) -> str:
    """One self-contained HTML page (inline CSS and SVG, no scripts, no external requests)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("redline.adoption", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        finalize=_strip_controls,
    )
    ms = modes(result)
    blocks = result["by_attribution"]
    country_keys = _union_keys([blocks[m]["shares_by_country"] for m in ms], rows)
    org_keys = _union_keys([blocks[m]["shares_by_org"] for m in ms], rows)
    template = env.get_template("adoption.html.j2")
    return template.render(
        r=result,
        modes=ms,
        blocks=blocks,
        version=__version__,
        country_keys=country_keys,
        org_keys=org_keys,
        country_chart=grouped_bars({m: blocks[m]["shares_by_country"] for m in ms}, country_keys),
        org_chart=grouped_bars({m: blocks[m]["shares_by_org"] for m in ms}, org_keys),
        family_chart=stacked_bars(result["derivatives"], limit=rows),
        families=list(result["derivatives"].items())[:rows],
        cadence=list(result["cadence"]["per_org"].items())[:rows],
        months=_cadence_months(result, rows),
        pct=_pct,
        bucket_of=bucket_of,
    )


def _cadence_months(result: Mapping[str, Any], rows: int) -> dict[str, Any]:
    """The last 12 months of new repositories per country, for the largest countries by repository count."""
    by_month: Mapping[str, Mapping[str, int]] = result["cadence"]["by_month_country"]
    months = list(by_month)[-12:]
    totals: dict[str, int] = {}
    for m in months:
        for c, n in by_month[m].items():
            totals[c] = totals.get(c, 0) + n
    countries = [c for c, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[: min(rows, 8)]]
    return {"months": months, "countries": countries,
            "cells": {m: [by_month[m].get(c, 0) for c in countries] for m in months}}
