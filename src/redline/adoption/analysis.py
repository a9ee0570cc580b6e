"""One function from a snapshot to the adoption figures: the object ``redline adoption --json`` prints.

Pure: no network, no files. The same function serves saved snapshots and the live path, so a figure computed
from the Hub today can be recomputed from the saved snapshot later.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redline.adoption.attribution import Attribution, Credits, attribute, lineage_roots
from redline.adoption.cadence import derivative_counts, release_cadence
from redline.adoption.concentration import gini, hhi, shares, top_k_share, totals
from redline.adoption.derivatives import is_quantized
from redline.adoption.orgs import OrgTable, load_orgs
from redline.adoption.snapshot import Snapshot
from redline.adoption.windows import Window, WindowKind, window_counts
from redline.errors import InputError

SCHEMA = "redline.adoption/1"
MODES: dict[str, tuple[Attribution, ...]] = {
    "uploader": (Attribution.uploader,),
    "lineage": (Attribution.lineage,),
    "both": (Attribution.uploader, Attribution.lineage),
}
METRIC_KEYS = ("shares_by_country", "shares_by_org", "hhi", "gini", "top_k_share")


def analyse(
    snapshot: Snapshot,
    *,
    attribution: str = "both",
    window: str = "30d",
    previous: Snapshot | None = None,
    orgs: OrgTable | None = None,
    exclude_quantized: bool = False,
    top_k: int = 5,
) -> dict[str, Any]:
    """Shares by country and organisation, concentration, cadence and derivatives for one snapshot.

    With ``attribution="both"`` each metric key at the top level maps ``uploader`` and ``lineage`` to their
    values side by side; with one mode it holds that mode's value. ``by_attribution`` always holds the full
    per-mode blocks.
    """
    if attribution not in MODES:
        raise InputError(f"attribution must be one of {', '.join(MODES)}, got {attribution!r}")
    if top_k < 1:
        raise InputError(f"top-k must be at least 1, got {top_k}")
    orgs = orgs if orgs is not None else load_orgs()
    win = window_counts(snapshot, WindowKind(window), previous)
    quantized = {m.id for m in snapshot.models if is_quantized(m)}
    lineage = lineage_roots(snapshot)
    blocks: dict[str, dict[str, Any]] = {}
    for mode in MODES[attribution]:
        credits = attribute(snapshot, mode)
        blocks[mode.value] = _mode_block(credits, win, quantized, orgs, exclude_quantized, top_k)
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "snapshot": {"source": snapshot.source, "date": snapshot.taken_at.isoformat(), "models": len(snapshot.models)},
        "previous": (
            {"source": previous.source, "date": previous.taken_at.isoformat(), "models": len(previous.models)}
            if previous is not None and win.kind is WindowKind.between
            else None
        ),
        "attribution": attribution,
        "window": {**win.describe(), "total_downloads": sum(win.counts.values())},
        "exclude_quantized": exclude_quantized,
        "top_k": top_k,
        "org_table_size": len(orgs),
    }
    for key in METRIC_KEYS:
        if attribution == "both":
            result[key] = {mode: block[key] for mode, block in blocks.items()}
        else:
            result[key] = blocks[attribution][key]
    result["by_attribution"] = blocks
    result["lineage"] = {
        "cycles_cut_at": list(lineage.cycles),
        "missing_parents": len(lineage.missing_parents),
        "missing_parent_examples": list(lineage.missing_parents[:10]),
        "depth_limited": list(lineage.depth_limited),
    }
    result["cadence"] = release_cadence(snapshot, orgs)
    result["derivatives"] = derivative_counts(snapshot, lineage.roots, orgs)
    result["organisations"] = _org_notes(result, orgs)
    rounded: dict[str, Any] = _rounded(result)
    return rounded


def _rounded(value: Any) -> Any:
    """Floats to 12 decimals, so that 0.31 prints as 0.31 and not 0.31000000000000005."""
    if isinstance(value, float):
        return round(value, 12)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _mode_block(
    credits: Credits,
    win: Window,
    quantized: set[str],
    orgs: OrgTable,
    exclude_quantized: bool,
    top_k: int,
) -> dict[str, Any]:
    full = _metrics(credits, win.counts, orgs, top_k, skip=set())
    without = _metrics(credits, win.counts, orgs, top_k, skip=quantized)
    primary = without if exclude_quantized else full
    quant_total = sum(v for k, v in win.counts.items() if k in quantized)
    all_total = sum(win.counts.values())
    return {
        **primary,
        "quantized_share": quant_total / all_total if all_total else 0.0,
        "without_quantized": {k: without[k] for k in (*METRIC_KEYS, "total_downloads", "top_k_orgs")},
    }


def _metrics(
    credits: Credits, counts: Mapping[str, int], orgs: OrgTable, top_k: int, *, skip: set[str]
) -> dict[str, Any]:
    by_country: list[tuple[str, float]] = []
    by_dev: list[tuple[str, float]] = []
    for model_id, downloads in counts.items():
        if model_id in skip:
            continue
        for account, weight in credits.by_model.get(model_id, ()):
            dev = orgs.developer(account)
            by_country.append((dev.country, downloads * weight))
            by_dev.append((dev.key, downloads * weight))
    country_totals, dev_totals = totals(by_country), totals(by_dev)
    dev_shares = shares(dev_totals)
    return {
        "total_downloads": sum(country_totals.values()),
        "downloads_by_country": dict(sorted(country_totals.items(), key=lambda kv: (-kv[1], kv[0]))),
        "shares_by_country": shares(country_totals),
        "shares_by_org": dev_shares,
        "hhi": hhi(dev_shares.values()),
        "hhi_points": hhi(dev_shares.values()) * 10_000,
        "gini": gini(dev_totals.values()),
        "developers": len(dev_shares),
        "top_k_share": top_k_share(dev_shares.values(), top_k) if dev_shares else 0.0,
        "top_k_orgs": [{"org": k, "share": v} for k, v in list(dev_shares.items())[:top_k]],
    }


def _org_notes(result: Mapping[str, Any], orgs: OrgTable) -> dict[str, dict[str, Any]]:
    """Name, country and type of every table organisation that appears in the results, for readers of the JSON."""
    keys: set[str] = set()
    for block in result["by_attribution"].values():
        keys.update(block["shares_by_org"])
    keys.update(f["developer"] for f in result["derivatives"].values())
    notes: dict[str, dict[str, Any]] = {}
    for key in sorted(keys):
        org = orgs.orgs.get(key)
        if org is not None:
            notes[key] = {"name": org.name, "country": org.country, "type": org.type.value,
                          "bucket": orgs.developer(key).country, "source": org.source}
    return notes

