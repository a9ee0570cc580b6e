"""Who gets the credit for a model's downloads: its uploader, or the developer of the model it derives from.

``uploader`` credits each repository to its own account. ``lineage`` follows ``base_models`` up to a root (a
model with no declared parent) and credits the root's account; a merge splits the credit equally among its
parents, recursively. The two answers differ most for quantised and fine-tuned copies uploaded by community
accounts, which is why published country shares disagree. Lineage data is declared by uploaders and not
verified, so the walk is defensive: a parent already on the current path (a cycle) is ignored, walks stop
after ``MAX_DEPTH`` steps, and a parent that is not in the snapshot ends the walk and is credited to the account
named in its id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from redline.adoption.snapshot import Snapshot

MAX_DEPTH = 64


class Attribution(StrEnum):
    uploader = "uploader"
    lineage = "lineage"


@dataclass(frozen=True)
class Credits:
    """Per model, the accounts credited and their weights (summing to 1), plus what the lineage walk met."""

    mode: Attribution
    by_model: Mapping[str, tuple[tuple[str, float], ...]]
    roots: Mapping[str, tuple[tuple[str, float], ...]]
    cycles: tuple[str, ...] = ()
    missing_parents: tuple[str, ...] = ()
    depth_limited: tuple[str, ...] = ()


def account_of(model_id: str, snapshot: Snapshot) -> str:
    """The uploader of a model: its row's author, else the namespace of its id ('' for legacy un-namespaced ids)."""
    row = snapshot.by_id.get(model_id)
    if row is not None and row.author:
        return row.author
    return model_id.split("/", 1)[0] if "/" in model_id else ""


def attribute(snapshot: Snapshot, mode: Attribution | str) -> Credits:
    """Credit every model in the snapshot under one attribution mode."""
    mode = Attribution(mode)
    if mode is Attribution.lineage:
        roots = lineage_roots(snapshot)
    else:  # every model is its own root
        roots = LineageRoots({r.id: ((r.id, 1.0),) for r in snapshot.models}, (), (), ())
    by_model: dict[str, tuple[tuple[str, float], ...]] = {}
    for model_id, model_roots in roots.roots.items():
        if mode is Attribution.uploader:
            by_model[model_id] = ((account_of(model_id, snapshot), 1.0),)
            continue
        merged: dict[str, float] = {}
        for root_id, weight in model_roots:
            account = account_of(root_id, snapshot)
            merged[account] = merged.get(account, 0.0) + weight
        by_model[model_id] = tuple(merged.items())
    return Credits(
        mode=mode,
        by_model=by_model,
        roots=roots.roots,
        cycles=roots.cycles,
        missing_parents=roots.missing_parents,
        depth_limited=roots.depth_limited,
    )


@dataclass(frozen=True)
class LineageRoots:
    roots: Mapping[str, tuple[tuple[str, float], ...]]
    cycles: tuple[str, ...]
    missing_parents: tuple[str, ...]
    depth_limited: tuple[str, ...]


def lineage_roots(snapshot: Snapshot) -> LineageRoots:
    """For each model, the root models it descends from with the share of credit each receives."""
    walk = _Walk(snapshot)
    roots = {row.id: tuple(walk.roots_of(row.id).items()) for row in snapshot.models}
    return LineageRoots(
        roots=roots,
        cycles=tuple(sorted(walk.cycles)),
        missing_parents=tuple(sorted(walk.missing)),
        depth_limited=tuple(sorted(walk.depth_limited)),
    )


class _Walk:
    """Depth-first walk up ``base_models`` with a per-path cycle guard and memoisation of cut-free results."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.memo: dict[str, dict[str, float]] = {}
        self.cycles: set[str] = set()
        self.missing: set[str] = set()
        self.depth_limited: set[str] = set()

    def roots_of(self, model_id: str) -> dict[str, float]:
        result, _ = self._roots(model_id, frozenset(), 0)
        return result

    def _roots(self, model_id: str, path: frozenset[str], depth: int) -> tuple[dict[str, float], bool]:
        """Returns (root -> weight, whether a cycle or depth cut shaped the answer)."""
        if model_id in self.memo:
            return self.memo[model_id], False
        row = self.snapshot.by_id.get(model_id)
        if row is None:
            return {model_id: 1.0}, False
        parents = [p for p in row.base_models if p != model_id]
        cut = len(parents) < len(row.base_models)
        if depth >= MAX_DEPTH and parents:
            self.depth_limited.add(model_id)
            return {model_id: 1.0}, True
        on_path = path | {model_id}
        live = [p for p in parents if p not in on_path]
        if len(live) < len(parents) or cut:
            self.cycles.add(model_id)
            cut = True
        for parent in live:
            if parent not in self.snapshot.by_id:
                self.missing.add(parent)
        if not live:
            result = {model_id: 1.0}
        else:
            result = {}
            share = 1.0 / len(live)
            for parent in live:
                sub, sub_cut = self._roots(parent, on_path, depth + 1)
                cut = cut or sub_cut
                for root, weight in sub.items():
                    result[root] = result.get(root, 0.0) + share * weight
        if not cut:
            self.memo[model_id] = result
        return result, cut
