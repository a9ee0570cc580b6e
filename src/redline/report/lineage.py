"""Present a lineage (and, when audited, its inheritance and exposure): terminal tree, Markdown, one HTML file.

All three read the JSON dicts of :func:`redline.adoption.lineage.tree_to_dict` and
:func:`redline.stats.lineage_audit.audit_tree`. Model ids are untrusted text: Jinja2 autoescapes them in HTML,
Markdown cells are escaped, control characters are stripped everywhere. The tree is an inline SVG sized from its
longest label (wide characters count double), so no label is clipped; the page makes no external requests.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from redline import __version__

CLASS_COLORS = {"carries the effect": "#d62728", "does not carry it": "#2ca02c", "not audited": "#999999"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CHAR_W, ROW_H, INDENT = 7.5, 22, 22


def _clean(value: Any) -> str:
    return _CONTROL.sub("", str(value))


def _fmt(x: float | None, digits: int = 2, signed: bool = True) -> str:
    if x is None:
        return "-"
    return f"{x:+.{digits}f}" if signed else f"{x:.{digits}f}"


def _ci(ci: Any) -> str:
    if not ci or ci[0] is None or ci[1] is None:
        return "[-]"
    return f"[{ci[0]:+.2f}, {ci[1]:+.2f}]"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _width(text: str) -> float:
    """Rendered width estimate: wide (CJK) characters count double."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text) * CHAR_W


def node_status(audit: Mapping[str, Any] | None, outcome_index: int = 0) -> dict[str, dict[str, Any]]:
    """Per audited model: effect, interval, classification and whether it carries the behaviour."""
    if not audit or not audit.get("outcomes"):
        return {}
    o = audit["outcomes"][outcome_index]
    out = {o["base"]: {"effect": o["base_effect"], "classification": "base", "carries": o["base_carries"]}}
    for d in o["derivatives"]:
        out[d["model"]] = {"effect": d["effect"], "classification": d["classification"], "carries": d["carries"]}
    return out


def node_label(node: Mapping[str, Any], status: Mapping[str, Any] | None, audited: bool = True) -> str:
    parts = [_clean(node["id"]), node["relation"], f"{node['downloads']:,} downloads"]
    if node["share"] < 1:
        parts.append(f"{node['share']:.0%} credited")
    if status:
        eff = status["effect"]
        parts.append(f"effect {_fmt(eff['estimate'])} {_ci(eff['ci'])} {status['classification']}")
    elif audited:
        parts.append("not audited")
    return " · ".join(parts)


def tree_layout(lineage: Mapping[str, Any], audit: Mapping[str, Any] | None = None,
                ids: list[str] | None = None) -> dict[str, Any]:
    """Geometry of the tree: one row per node in depth-first order under its first in-tree parent."""
    nodes = {n["id"]: n for n in lineage["nodes"]}
    keep = set(ids) if ids is not None else set(nodes)
    statuses = node_status(audit)
    children: dict[str, list[str]] = {}
    for n in lineage["nodes"]:
        if n["id"] in keep and n["parents"]:
            parent = next((p for p in n["parents"] if p in keep), None)
            if parent is not None:
                children.setdefault(parent, []).append(n["id"])
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()

    def visit(model: str, level: int, parent_row: int | None) -> None:
        if model in seen:
            return
        seen.add(model)
        status = statuses.get(model)
        color = CLASS_COLORS["not audited"] if status is None else (
            CLASS_COLORS["carries the effect"] if status["carries"] else CLASS_COLORS["does not carry it"])
        label = node_label(nodes[model], status, audit is not None)
        index = len(rows)
        rows.append({"x": 14 + level * INDENT, "y": 20 + index * ROW_H, "label": label, "color": color,
                     "parent": parent_row, "id": model, "line": None})
        for child in children.get(model, []):
            visit(child, level + 1, index)

    visit(lineage["base"], 0, None)
    for n in lineage["nodes"]:  # anything unreachable under the first-parent rule (cycles) still appears
        if n["id"] in keep and n["id"] not in seen:
            visit(n["id"], 1, 0)
    for r in rows:
        if r["parent"] is not None:
            p = rows[r["parent"]]
            r["line"] = {"x1": p["x"], "y1": p["y"], "x2": r["x"], "y2": r["y"]}
    width = max([r["x"] + 12 + _width(r["label"]) for r in rows] + [470]) + 20  # 470: the legend
    return {"rows": rows, "width": int(width), "height": 20 + len(rows) * ROW_H, "legend": CLASS_COLORS}


# ---------------------------------------------------------------- terminal


def tree_lines(lineage: Mapping[str, Any], *, ids: list[str] | None = None,
               audit: Mapping[str, Any] | None = None) -> list[str]:
    """The tree as plain text lines with box-drawing connectors; never cropped to a terminal width."""
    rows = tree_layout(lineage, audit, ids)["rows"]
    kids: dict[int | None, list[int]] = {}
    for i, r in enumerate(rows):
        kids.setdefault(r["parent"], []).append(i)
    lines = [_clean(f"{lineage['base']} | {lineage['source']} | snapshot {lineage['snapshot_date'][:10]} | "
                    f"window {lineage['window']} | {lineage['derivatives']} derivatives | tree "
                    f"{lineage['tree_downloads']:,.0f} downloads = {_pct(lineage['tree_share_of_all'])} of the "
                    "snapshot's")]

    def walk(i: int, prefix: str, last: bool, top: bool) -> None:
        lines.append(rows[i]["label"] if top else prefix + ("└── " if last else "├── ") + rows[i]["label"])
        below = kids.get(i, [])
        for j, child in enumerate(below):
            walk(child, "" if top else prefix + ("    " if last else "│   "), j == len(below) - 1, False)

    for root in kids.get(None, []):
        walk(root, "", True, True)
    if lineage["cycles_cut_at"]:
        lines.append(_clean("cycles cut at: " + ", ".join(lineage["cycles_cut_at"])))
    return lines


# ---------------------------------------------------------------- Markdown


def _md(value: Any) -> str:
    return _clean(value).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def markdown_audit(audit: Mapping[str, Any]) -> str:
    lines: list[str] = []
    for o in audit["outcomes"]:
        b = o["base_effect"]
        lines += [f"### Outcome `{o['outcome']}`", "",
                  f"Base {_md(o['base'])}: effect {_fmt(b['estimate'])} {_ci(b['ci'])} "
                  f"({b['n_pairs']} pairs, {b['n_tasks']} tasks). Method: {o['method']}.", "",
                  "| derivative | relation | effect | 95% CI | minus base | CI | Holm p | class |",
                  "|---|---|---:|---|---:|---|---:|---|"]
        for d in o["derivatives"]:
            e, diff = d["effect"], d["difference"]
            p = "-" if d["p_holm"] is None else f"{d['p_holm']:.3g}"
            lines.append(f"| {_md(d['model'])} | {d['relation']} | {_fmt(e['estimate'])} | {_ci(e['ci'])} | "
                         f"{_fmt(diff['estimate'])} | {_ci(diff['ci'])} | {p} | **{d['classification']}** |")
        lines += ["", "| relation | derivatives | mean effect | mean minus base | classes |", "|---|---:|---|---|---|"]
        for rel, g in o["pooled"].items():
            classes = ", ".join(f"{k} {v}" for k, v in g["classes"].items() if v)
            lines.append(f"| {rel} | {len(g['models'])} | {_fmt(g['effect']['estimate'])} {_ci(g['effect']['ci'])} | "
                         f"{_fmt(g['difference']['estimate'])} {_ci(g['difference']['ci'])} | {classes} |")
        ex = o["exposure"]
        lines += ["", exposure_sentence(ex), ""]
    if audit["unaudited"]:
        lines += ["Not audited: " + "; ".join(f"{_md(u['model'])} ({u['relation']}, {u['downloads']:,} downloads: "
                                              f"{_md(u['reason'])})" for u in audit["unaudited"]), ""]
    for w in audit.get("warnings", []):
        lines.append(f"Warning: {_md(w)}")
    return "\n".join(lines).rstrip() + "\n"


def exposure_sentence(ex: Mapping[str, Any]) -> str:
    t, a = ex["tree"], ex["all"]
    text = (f"Exposure: {_pct(t['low'])} to {_pct(t['high'])} of the tree's downloads go to models that carry the "
            f"effect (low: unaudited counted as removed; high: as inherited); with the behavioural uncertainty "
            f"{_pct(t['ci'][0])} to {_pct(t['ci'][1])}.")
    if a and a["low"] is not None:
        text += (f" Of all open-model downloads in the snapshot: {_pct(a['low'])} to {_pct(a['high'])} "
                 f"({_pct(a['ci'][0])} to {_pct(a['ci'][1])}).")
    text += f" Audited models hold {_pct(ex['audited_share'])} of the tree's downloads."
    return text


def render_markdown(lineage: Mapping[str, Any], audit: Mapping[str, Any] | None = None) -> str:
    lines = [f"# Lineage of {_md(lineage['base'])}", "",
             f"Snapshot `{_md(lineage['source'])}` ({lineage['snapshot_date'][:10]}), window {lineage['window']}: "
             f"{lineage['derivatives']} derivatives, {lineage['tree_downloads']:,.0f} credited downloads "
             f"({_pct(lineage['tree_share_of_all'])} of the snapshot's).", "",
             "| model | relation | depth | downloads | credited |", "|---|---|---:|---:|---:|"]
    for n in lineage["nodes"]:
        lines.append(f"| {_md(n['id'])} | {n['relation']} | {n['depth']} | {n['downloads']:,} | {n['credited']:,.0f} |")
    lines.append("")
    if audit:
        lines += ["## Inheritance", "", markdown_audit(audit)]
    return "\n".join(lines)


# ---------------------------------------------------------------- HTML


def render_html(lineage: Mapping[str, Any], audit: Mapping[str, Any] | None = None) -> str:
    """One self-contained page (inline CSS and SVG, no scripts, no external requests)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("redline.report", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, finalize=lambda v: _clean(v) if isinstance(v, str) else v)
    return env.get_template("lineage.html.j2").render(
        l=lineage, a=audit, layout=tree_layout(lineage, audit), version=__version__, fmt=_fmt, ci=_ci, pct=_pct,
        exposure_sentence=exposure_sentence)
