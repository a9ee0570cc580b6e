"""Inline SVG plots generated here from numbers: no plotting library, no external requests, every label
escaped. Each function returns one ``<svg>`` element as a string.

Labels are never clipped: the label column is as wide as the longest label needs (estimated generously from its
characters, CJK counted wide) and labels longer than ``WRAP`` characters wrap onto more lines, so the plot's
``viewBox`` always holds its text; the page scales a wide plot down (``max-width: 100%``)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from redline.report.fmt import interval_points, is_number, points

WIDTH = 780
LABEL_W = 250  # the narrowest label column (and the default plot width: LABEL_W + PLOT_W + VALUE_W)
VALUE_W = 140
PLOT_W = WIDTH - LABEL_W - VALUE_W
ROW_H = 22
LINE_H = 14  # each further line of a wrapped label
WRAP = 56
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


def text_width(text: str, size: float = 12, *, bold: bool = False) -> float:
    """A generous estimate of the width ``text`` takes in a sans-serif font: wide (CJK) characters a full em,
    capitals and digits 0.72 em, others 0.6 em, bold 8% more."""
    em = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.72 if ch.isupper() or ch.isdigit() else 0.6
             for ch in text)
    return em * size * (1.08 if bold else 1.0)


_BREAK = re.compile(r"(?<=[\s/·,_-])")


def wrap(text: str, width: int = WRAP) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken after spaces and separators where it can."""
    lines: list[str] = []
    line = ""
    for piece in _BREAK.split(text):
        while len(piece) > width:  # one unbreakable run longer than a line
            if line:
                lines.append(line.rstrip())
                line = ""
            lines.append(piece[:width])
            piece = piece[width:]
        if len(line) + len(piece) > width and line:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line or not lines:
        lines.append(line.rstrip())
    return lines


def label_column(labels: Sequence[str], *, bold: bool = False, size: float = 12) -> int:
    """Width of a right-aligned label column that holds every (wrapped) label, with an 8 px margin each side."""
    widest = max((text_width(line, size, bold=bold) for label in labels for line in wrap(label)), default=0.0)
    return max(LABEL_W, math.ceil(widest) + 16)


def _label(text: str, x: float, y_mid: float, *, bold: bool = False, anchor: str = "end") -> str:
    """A label (escaped, wrapped) centred vertically on ``y_mid``."""
    lines = wrap(text)
    y0 = y_mid + 4 - (len(lines) - 1) * LINE_H / 2
    weight = ' font-weight="bold"' if bold else ""
    spans = "".join(f'<tspan x="{_num(x)}" y="{_num(y0 + k * LINE_H)}">{esc(line)}</tspan>'
                    for k, line in enumerate(lines))
    return f'<text text-anchor="{anchor}"{weight}>{spans}</text>'


def _rows_y(labels: Sequence[str]) -> tuple[list[float], float]:
    """The vertical centre of each row (rows grow with their label's lines) and where the rows end."""
    mids, y = [], float(TOP)
    for label in labels:
        h = ROW_H + LINE_H * (len(wrap(label)) - 1)
        mids.append(y + h / 2)
        y += h
    return mids, y


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


def _svg(height: float, title: str, body: list[str], width: float = WIDTH) -> str:
    width = math.ceil(max(width, text_width(title, 14, bold=True) + 12))
    height = math.ceil(height)
    return (f'<svg class="plot" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'aria-label="{esc(title)}" {FONT}><title>{esc(title)}</title>'
            f'<text x="4" y="18" font-size="14" font-weight="bold">{esc(title)}</text>{"".join(body)}</svg>')


def _axis(lo: float, hi: float, x0: float, x1: float, y0: float, y1: float, unit: str, scale: float) -> list[str]:
    """Vertical grid lines with labels; ``scale`` turns data units into displayed ones (100 for percent)."""
    out = []
    step = nice_step((hi - lo) * scale) / scale
    first = math.ceil(lo / step - 1e-9)
    for i in range(first, math.floor(hi / step + 1e-9) + 1):
        tick = i * step  # integer multiples: no drift, and zero is exactly zero
        x = x0 + (tick - lo) / (hi - lo) * (x1 - x0)
        out.append(f'<line x1="{_num(x)}" y1="{_num(y0)}" x2="{_num(x)}" y2="{_num(y1)}" stroke="#ddd"/>')
        out.append(f'<text x="{_num(x)}" y="{_num(y1 + 14)}" text-anchor="middle" fill="#555">'
                   f'{esc(f"{round(tick * scale, 6):g}")}</text>')
    out.append(f'<text x="{_num((x0 + x1) / 2)}" y="{_num(y1 + 30)}" text-anchor="middle" fill="#555">'
               f'{esc(unit)}</text>')
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
    label_w = label_column([r.label for r in rows], bold=any(r.emphasis for r in rows))
    texts = [f"{points(r.estimate)} [{interval_points([r.low, r.high])}]" for r in rows]
    x0, x1 = label_w, label_w + PLOT_W
    width = x1 + max(VALUE_W, math.ceil(max(text_width(t) for t in texts)) + 16)
    mids, y_end = _rows_y([r.label for r in rows])

    def sx(v: float) -> str:
        return _num(x0 + (v - lo) / (hi - lo) * (x1 - x0))

    body = _axis(lo, hi, x0, x1, TOP - 4, y_end, unit, 100)
    body.append(f'<line x1="{sx(0)}" y1="{TOP - 4}" x2="{sx(0)}" y2="{_num(y_end)}" stroke="#333" '
                f'stroke-dasharray="4 3"/>')
    for r, y, value in zip(rows, mids, texts, strict=True):
        body.append(_label(r.label, label_w - 8, y, bold=r.emphasis))
        if r.estimate is None or not is_number(r.estimate):
            body.append(f'<text x="{x0 + 4}" y="{_num(y + 4)}" fill="#999">no data</text>')
            continue
        if r.low is not None and r.high is not None and is_number(r.low) and is_number(r.high):
            body.append(f'<line x1="{sx(r.low)}" y1="{_num(y)}" x2="{sx(r.high)}" y2="{_num(y)}" stroke="#333" '
                        f'stroke-width="2"/>')
        fill = "#c0392b" if r.significant else "#fff"
        body.append(f'<circle cx="{sx(r.estimate)}" cy="{_num(y)}" r="5" fill="{fill}" stroke="#c0392b" '
                    f'stroke-width="2"><title>{esc(r.label)}: {esc(points(r.estimate))} points '
                    f'(95% CI {esc(interval_points([r.low, r.high]))})</title></circle>')
        body.append(f'<text x="{x1 + 8}" y="{_num(y + 4)}" fill="#333">{esc(value)}</text>')
    return _svg(y_end + BOTTOM, title, body, width)


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
    label_w = label_column([r.label for r in rows])
    texts = [f"{100 * r.rate:.1f}% (n={r.n})" for r in rows]
    x0, x1 = label_w, label_w + PLOT_W
    width = x1 + max(VALUE_W, math.ceil(max(text_width(t) for t in texts)) + 16)
    mids, y_end = _rows_y([r.label for r in rows])
    hi = min(1.0, max(0.1, max(r.high for r in rows) * 1.1))

    def sx(v: float) -> str:
        return _num(x0 + v / hi * (x1 - x0))

    body = _axis(0.0, hi, x0, x1, TOP - 4, y_end, "rate, %", 100)
    for r, y, value in zip(rows, mids, texts, strict=True):
        body.append(_label(r.label, label_w - 8, y))
        body.append(f'<line x1="{sx(r.low)}" y1="{_num(y)}" x2="{sx(r.high)}" y2="{_num(y)}" stroke="#333" '
                    f'stroke-width="2"/>')
        body.append(f'<circle cx="{sx(r.rate)}" cy="{_num(y)}" r="5" fill="{esc(color)}"><title>{esc(r.label)}: '
                    f'{100 * r.rate:.1f}% of {r.n}</title></circle>')
        body.append(f'<text x="{x1 + 8}" y="{_num(y + 4)}">{esc(value)}</text>')
    return _svg(y_end + BOTTOM, title, body, width)


def stacked_bars(rows: Sequence[tuple[str, Mapping[str, int]]], order: Sequence[str], *, title: str) -> str:
    """100% stacked bars of label shares per row, with a legend (wrapping onto more lines when it must)."""
    rows = [(label, counts) for label, counts in rows if sum(counts.get(k, 0) for k in order)]
    if not rows:
        return ""
    label_w = label_column([label for label, _ in rows])
    texts = [f"n={sum(counts.get(k, 0) for k in order)}" for _, counts in rows]
    x0, x1 = label_w, label_w + PLOT_W
    width = x1 + max(VALUE_W, math.ceil(max(text_width(t) for t in texts)) + 16)
    mids, y_end = _rows_y([label for label, _ in rows])
    body: list[str] = []
    for (label, counts), y, value in zip(rows, mids, texts, strict=True):
        top = y - (ROW_H - 6) / 2
        total = sum(counts.get(k, 0) for k in order)
        body.append(_label(label, label_w - 8, y))
        x = float(x0)
        for j, key in enumerate(order):
            share = counts.get(key, 0) / total
            if share <= 0:
                continue
            w = share * (x1 - x0)
            color = COLORS.get(key, FALLBACK[j % len(FALLBACK)])
            body.append(f'<rect x="{_num(x)}" y="{_num(top)}" width="{_num(w)}" height="{ROW_H - 6}" fill="{color}">'
                        f'<title>{esc(label)}: {esc(key)} {100 * share:.1f}% ({counts.get(key, 0)})</title></rect>')
            x += w
        body.append(f'<text x="{x1 + 8}" y="{_num(y + 4)}">{esc(value)}</text>')
    x, legend_y = float(x0), y_end + 16
    for j, key in enumerate(order):
        step = 24 + text_width(key)
        if x > x0 and x + step > width:
            x, legend_y = float(x0), legend_y + ROW_H
        color = COLORS.get(key, FALLBACK[j % len(FALLBACK)])
        body.append(f'<rect x="{_num(x)}" y="{_num(legend_y)}" width="12" height="12" fill="{color}"/>'
                    f'<text x="{_num(x + 16)}" y="{_num(legend_y + 10)}">{esc(key)}</text>')
        x += step
    return _svg(legend_y + 24, title, body, max(width, x))


def heatmap(rows: Sequence[str], columns: Sequence[tuple[str, str]], values: Mapping[tuple[str, str, str], float],
            totals: Mapping[tuple[str, str], int], *, title: str) -> str:
    """Cells shaded by share (0 white .. 1 dark red); columns are (language, label); rows are topics. Column
    headers wrap at their words and the cells are as wide as the widest header line."""
    if not rows or not columns:
        return ""
    heads = [wrap(label.replace("_", " "), 12) for _, label in columns]
    head_w = max(text_width(line, 10) for head in heads for line in head)
    lang_w = max(text_width(lang, bold=True) for lang, _ in columns)
    cell_w = math.ceil(max(28, min(70, (WIDTH - LABEL_W - 10) // len(columns)), head_w + 6, lang_w + 6))
    label_w = label_column(rows)
    width = label_w + cell_w * len(columns) + 10
    top = TOP + 24 + 12 * max(len(h) for h in heads)
    mids, y_end = _rows_y(rows)
    body = []
    for j, ((lang, _), head) in enumerate(zip(columns, heads, strict=True)):
        x = label_w + j * cell_w + cell_w / 2
        body.append(f'<text x="{_num(x)}" y="{TOP + 8}" text-anchor="middle" font-weight="bold">{esc(lang)}</text>')
        body.append('<text text-anchor="middle" font-size="10">' + "".join(
            f'<tspan x="{_num(x)}" y="{TOP + 24 + 12 * k}">{esc(line)}</tspan>' for k, line in enumerate(head))
            + "</text>")
    shift = top - TOP
    for topic, mid in zip(rows, mids, strict=True):
        y = mid + shift
        body.append(_label(topic, label_w - 8, y))
        for j, (lang, label) in enumerate(columns):
            x = label_w + j * cell_w
            share = values.get((topic, lang, label))
            n = totals.get((topic, lang), 0)
            box = f'x="{x}" y="{_num(y - ROW_H / 2)}" width="{cell_w - 2}" height="{ROW_H - 2}"'
            if share is None or not n:
                body.append(f'<rect {box} fill="#f4f4f4"/>')
                continue
            shade = int(255 - 200 * share)
            red = 255 if share < 0.5 else int(255 - 120 * (share - 0.5))
            fill = f"rgb({red},{shade},{shade})"
            ink = "#fff" if share > 0.6 else "#222"
            body.append(f'<rect {box} fill="{fill}">'
                        f'<title>{esc(topic)} / {esc(lang)} / {esc(label)}: {100 * share:.0f}% of {n}</title></rect>')
            body.append(f'<text x="{_num(x + cell_w / 2 - 1)}" y="{_num(y + 3)}" text-anchor="middle" '
                        f'fill="{ink}" font-size="11">{100 * share:.0f}</text>')
    return _svg(y_end + shift + 10, title, body, width)
