"""Release cadence and derivative counts.

Cadence asks how often each developer publishes: new repositories per month by uploader country and
organisation (from creation dates), and the median gap between an organisation's releases, since one claim in
the adoption debate is that some labs publish variants weekly while others release twice a year. Derivative
counts per base family (the lineage root) show how far a base model's behaviour spreads through fine-tunes,
quantisations, adapters and merges.
"""

from __future__ import annotations

from collections.abc import Mapping
from statistics import median
from typing import Any

from redline.adoption.attribution import account_of
from redline.adoption.derivatives import KINDS, derivative_kind
from redline.adoption.orgs import UNAFFILIATED, UNKNOWN, OrgTable
from redline.adoption.snapshot import Snapshot


def _uploader_key(account: str, orgs: OrgTable) -> tuple[str, str]:
    """(organisation key, country bucket); individual accounts are pooled as 'unaffiliated'."""
    dev = orgs.developer(account)
    if dev.org is None:
        return (UNKNOWN if dev.key == UNKNOWN else UNAFFILIATED), dev.country
    return dev.key, dev.country


def release_cadence(snapshot: Snapshot, orgs: OrgTable) -> dict[str, Any]:
    """New repositories per month (YYYY-MM) by country and by organisation, and release gaps per organisation."""
    by_country: dict[str, dict[str, int]] = {}
    by_org: dict[str, dict[str, int]] = {}
    dates: dict[str, list[Any]] = {}
    undated = 0
    for row in snapshot.models:
        if row.created_at is None:
            undated += 1
            continue
        month = row.created_at.strftime("%Y-%m")
        org, country = _uploader_key(row.author, orgs)
        by_country.setdefault(month, {}).setdefault(country, 0)
        by_country[month][country] += 1
        by_org.setdefault(month, {}).setdefault(org, 0)
        by_org[month][org] += 1
        dates.setdefault(org, []).append(row.created_at)
    per_org: dict[str, dict[str, Any]] = {}
    for org, stamps in dates.items():
        stamps.sort()
        gaps = [(b - a).total_seconds() / 86400 for a, b in zip(stamps, stamps[1:], strict=False)]
        per_org[org] = {
            "repos": len(stamps),
            "first": stamps[0].date().isoformat(),
            "last": stamps[-1].date().isoformat(),
            "median_days_between_releases": round(median(gaps), 2) if gaps else None,
        }
    ordered = dict(sorted(per_org.items(), key=lambda kv: (-kv[1]["repos"], kv[0])))
    return {
        "by_month_country": {m: _sorted_counts(by_country[m]) for m in sorted(by_country)},
        "by_month_org": {m: _sorted_counts(by_org[m]) for m in sorted(by_org)},
        "per_org": ordered,
        "undated_repos": undated,
    }


def derivative_counts(
    snapshot: Snapshot, roots: Mapping[str, tuple[tuple[str, float], ...]], orgs: OrgTable
) -> dict[str, dict[str, Any]]:
    """Per lineage root ("base family"): how many derivatives of each kind descend from it, at any depth.

    A merge of two families counts once in each. Roots need not be in the snapshot (a missing parent).
    """
    families: dict[str, dict[str, Any]] = {}
    for row in snapshot.models:
        kind = derivative_kind(row)
        if kind is None:
            continue
        for root, _weight in roots.get(row.id, ()):
            if root == row.id:
                continue
            family = families.get(root)
            if family is None:
                dev = orgs.developer(account_of(root, snapshot))
                family = {"developer": dev.key, "country": dev.country, **dict.fromkeys(KINDS, 0), "total": 0}
                families[root] = family
            family[kind] += 1
            family["total"] += 1
    return dict(sorted(families.items(), key=lambda kv: (-kv[1]["total"], kv[0])))


def _sorted_counts(counts: Mapping[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
