"""Inline SVG plots generated here from numbers: no plotting library, no external requests, every label
escaped. Each function returns one ``<svg>`` element as a string."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from redline.report.fmt import interval_points, is_number, points

WIDTH = 780
LABEL_W = 250
VALUE_W = 140
ROW_H = 22
TOP = 34
BOTTOM = 40
FONT = 'font-family="system-ui, sans-serif" font-size="12"'

COLORS = {
    "secure": "#3d8b37", "vulnerable": "#c0392b", "invalid": "#8e44ad", "no_code": "#95a5a6", "refused": "#34495e",
    "refusal": "#34495e", "deflection": "#95a5a6", "state_narrative": "#c0392b", "substantive": "#3d8b37",
    "degenerate": "#d4ac0d",
}
FALLBACK = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def _clip(text: str, n: int = 38) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _num(x: float) -> str:
    return f"{x:.1f}"


def nice_step(span: float, max_ticks: int = 8) -> float:
    """A tick step of 1, 2, 2.5 or 5 times a power of ten giving at most ``max_ticks`` ticks."""
    if span <= 0:
        return 1.0
    raw = span / max_ticks
    power = float(10.0 ** math.floor(math.log10(raw)))
    for mult in (1.0, 2.0, 2.5, 5.0, 10.0):
        if mult * power >= raw:
            return mult * power
    return 10.0 * power


def _svg(height: int, title: str, body: list[str]) -> str:
    return (f'<svg class="plot" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
            f'aria-label="{esc(title)}" {FONT}><title>{esc(title)}</title>'
            f'<text x="4" y="18" font-size="14" font-weight="bold">{esc(title)}</text>{"".join(body)}</svg>')


def _axis(lo: float, hi: float, x0: int, x1: int, y0: int, y1: int, unit: str, scale: float) -> list[str]:
    """Vertical grid lines with labels; ``scale`` turns data units into displayed ones (100 for percent)."""
    out = []
    step = nice_step((hi - lo) * scale) / scale
    first = math.ceil(lo / step - 1e-9)
    for i in range(first, math.floor(hi / step + 1e-9) + 1):
        tick = i * step  # integer multiples: no drift, and zero is exactly zero
        x = x0 + (tick - lo) / (hi - lo) * (x1 - x0)
        out.append(f'<line x1="{_num(x)}" y1="{y0}" x2="{_num(x)}" y2="{y1}" stroke="#ddd"/>')
        out.append(f'<text x="{_num(x)}" y="{y1 + 14}" text-anchor="middle" fill="#555">'
                   f'{esc(f"{round(tick * scale, 6):g}")}</text>')
    out.append(f'<text x="{(x0 + x1) // 2}" y="{y1 + 30}" text-anchor="middle" fill="#555">{esc(unit)}</text>')
    return out


@dataclass(frozen=True)
class ForestRow:
    label: str
    estimate: float | None
    low: float | None
    high: float | None
    significant: bool = False
    emphasis: bool = False  # confirmatory contrasts are drawn bold


def forest_plot(rows: Sequence[ForestRow], *, title: str, unit: str = "difference, percentage points") -> str:
    """Point estimates with interval bars around a zero line; filled dots are significant after adjustment."""
    if not rows:
        return ""
    values = [v for r in rows for v in (r.estimate, r.low, r.high) if v is not None and is_number(v)]
    lo, hi = min([0.0, *values]), max([0.0, *values])
    pad = max(0.02, (hi - lo) * 0.05)
    lo, hi = max(-1.0, lo - pad), min(1.0, hi + pad)
    x0, x1 = LABEL_W, WIDTH - VALUE_W
    height = TOP + ROW_H * len(rows) + BOTTOM
    y_end = TOP + ROW_H * len(rows)

    def sx(v: float) -> str:
        return _num(x0 + (v - lo) / (hi - lo) * (x1 - x0))

    body = _axis(lo, hi, x0, x1, TOP - 4, y_end, unit, 100)
    body.append(f'<line x1="{sx(0)}" y1="{TOP - 4}" x2="{sx(0)}" y2="{y_end}" stroke="#333" stroke-dasharray="4 3"/>')
    for i, r in enumerate(rows):
        y = TOP + ROW_H * i + ROW_H // 2
        weight = ' font-weight="bold"' if r.emphasis else ""
        body.append(f'<text x="{LABEL_W - 8}" y="{y + 4}" text-anchor="end"{weight}>{esc(_clip(r.label))}</text>')
        if r.estimate is None or not is_number(r.estimate):
            body.append(f'<text x="{x0 + 4}" y="{y + 4}" fill="#999">no data</text>')
            continue
        if r.low is not None and r.high is not None and is_number(r.low) and is_number(r.high):
            body.append(f'<line x1="{sx(r.low)}" y1="{y}" x2="{sx(r.high)}" y2="{y}" stroke="#333" '
                        f'stroke-width="2"/>')
        fill = "#c0392b" if r.significant else "#fff"
        body.append(f'<circle cx="{sx(r.estimate)}" cy="{y}" r="5" fill="{fill}" stroke="#c0392b" stroke-width="2">'
                    f'<title>{esc(r.label)}: {esc(points(r.estimate))} points '
                    f'(95% CI {esc(interval_points([r.low, r.high]))})</title></circle>')
        body.append(f'<text x="{x1 + 8}" y="{y + 4}" fill="#333">{esc(points(r.estimate))} '
                    f'[{esc(interval_points([r.low, r.high]))}]</text>')
    return _svg(height, title, body)


@dataclass(frozen=True)
class RateRow:
    label: str
    rate: float
    low: float
    high: float
    n: int


def rate_plot(rows: Sequence[RateRow], *, title: str, color: str = "#c0392b") -> str:
    """Rates from 0 to 100% with Wilson interval bars, one row per condition."""
    if not rows:
        return ""
    x0, x1 = LABEL_W, WIDTH - VALUE_W
    height = TOP + ROW_H * len(rows) + BOTTOM
    y_end = TOP + ROW_H * len(rows)
    hi = min(1.0, max(0.1, max(r.high for r in rows) * 1.1))

    def sx(v: float) -> str:
        return _num(x0 + v / hi * (x1 - x0))

    body = _axis(0.0, hi, x0, x1, TOP - 4, y_end, "rate, %", 100)
    for i, r in enumerate(rows):
        y = TOP + ROW_H * i + ROW_H // 2
        body.append(f'<text x="{LABEL_W - 8}" y="{y + 4}" text-anchor="end">{esc(_clip(r.label))}</text>')
        body.append(f'<line x1="{sx(r.low)}" y1="{y}" x2="{sx(r.high)}" y2="{y}" stroke="#333" stroke-width="2"/>')
        body.append(f'<circle cx="{sx(r.rate)}" cy="{y}" r="5" fill="{esc(color)}"><title>{esc(r.label)}: '
                    f'{100 * r.rate:.1f}% of {r.n}</title></circle>')
        body.append(f'<text x="{x1 + 8}" y="{y + 4}">{100 * r.rate:.1f}% (n={r.n})</text>')
    return _svg(height, title, body)


def stacked_bars(rows: Sequence[tuple[str, Mapping[str, int]]], order: Sequence[str], *, title: str) -> str:
    """100% stacked bars of label shares per row, with a legend."""
    rows = [(label, counts) for label, counts in rows if sum(counts.get(k, 0) for k in order)]
    if not rows:
        return ""
    x0, x1 = LABEL_W, WIDTH - VALUE_W
    legend_y = TOP + ROW_H * len(rows) + 16
    height = legend_y + 24
    body: list[str] = []
    for i, (label, counts) in enumerate(rows):
        y = TOP + ROW_H * i + 3
        total = sum(counts.get(k, 0) for k in order)
        body.append(f'<text x="{LABEL_W - 8}" y="{y + 13}" text-anchor="end">{esc(_clip(label))}</text>')
        x = float(x0)
        for j, key in enumerate(order):
            share = counts.get(key, 0) / total
            if share <= 0:
                continue
            w = share * (x1 - x0)
            color = COLORS.get(key, FALLBACK[j % len(FALLBACK)])
            body.append(f'<rect x="{_num(x)}" y="{y}" width="{_num(w)}" height="{ROW_H - 6}" fill="{color}">'
                        f'<title>{esc(label)}: {esc(key)} {100 * share:.1f}% ({counts.get(key, 0)})</title></rect>')
            x += w
        body.append(f'<text x="{x1 + 8}" y="{y + 13}">n={total}</text>')
    x = float(x0)
    for j, key in enumerate(order):
        color = COLORS.get(key, FALLBACK[j % len(FALLBACK)])
        body.append(f'<rect x="{_num(x)}" y="{legend_y}" width="12" height="12" fill="{color}"/>'
                    f'<text x="{_num(x + 16)}" y="{legend_y + 10}">{esc(key)}</text>')
        x += 24 + 7 * len(key)
    return _svg(height, title, body)


def heatmap(rows: Sequence[str], columns: Sequence[tuple[str, str]], values: Mapping[tuple[str, str, str], float],
            totals: Mapping[tuple[str, str], int], *, title: str) -> str:
    """Cells shaded by share (0 white .. 1 dark red); columns are (language, label); rows are topics."""
    if not rows or not columns:
        return ""
    cell_w = max(28, min(70, (WIDTH - LABEL_W - 10) // len(columns)))
    width = LABEL_W + cell_w * len(columns) + 10
    top = TOP + 36
    height = top + ROW_H * len(rows) + 10
    body = []
    for j, (lang, label) in enumerate(columns):
        x = LABEL_W + j * cell_w + cell_w / 2
        body.append(f'<text x="{_num(x)}" y="{TOP + 8}" text-anchor="middle" font-weight="bold">{esc(lang)}</text>')
        body.append(f'<text x="{_num(x)}" y="{TOP + 24}" text-anchor="middle" font-size="10">'
                    f'{esc(_clip(label.replace("_", " "), 12))}</text>')
    for i, topic in enumerate(rows):
        y = top + ROW_H * i
        body.append(f'<text x="{LABEL_W - 8}" y="{y + 15}" text-anchor="end">{esc(_clip(topic))}</text>')
        for j, (lang, label) in enumerate(columns):
            x = LABEL_W + j * cell_w
            share = values.get((topic, lang, label))
            n = totals.get((topic, lang), 0)
            if share is None or not n:
                body.append(f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{ROW_H - 2}" fill="#f4f4f4"/>')
                continue
            shade = int(255 - 200 * share)
            red = 255 if share < 0.5 else int(255 - 120 * (share - 0.5))
            fill = f"rgb({red},{shade},{shade})"
            ink = "#fff" if share > 0.6 else "#222"
            body.append(f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{ROW_H - 2}" fill="{fill}">'
                        f'<title>{esc(topic)} / {esc(lang)} / {esc(label)}: {100 * share:.0f}% of {n}</title></rect>')
            body.append(f'<text x="{_num(x + cell_w / 2 - 1)}" y="{y + 15}" text-anchor="middle" fill="{ink}" '
                        f'font-size="11">{100 * share:.0f}</text>')
    svg = _svg(height, title, body)
    return svg.replace(f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}"',
                       f'viewBox="0 0 {width} {height}" width="{width}"', 1)
