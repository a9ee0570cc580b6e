"""The derivative tree of one base model: which repositories declare it (directly or through others) as their base.

The tree is read from ``base_models`` metadata, from a snapshot or live from the Hub. Membership and credit reuse
the attribution walk (:func:`redline.adoption.attribution.lineage_roots`) on a copy of the snapshot in which the
base is made a root: a model belongs to the tree when the base is one of its roots, and its *credited* downloads
are its downloads times the base's share of its roots, so a merge of the base with another family counts half
(cycles are cut and missing parents end the walk, exactly as in adoption attribution).

Fields read, per model (see ``relation_of``): the Hub's ``baseModels.relation`` (the snapshot's ``base_relation``
column), else the Hub's ``base_model:<relation>:<id>`` tags, else the heuristics of
:func:`redline.adoption.derivatives.derivative_kind` (several parents: merge; GGUF/GPTQ/AWQ: quantisation;
PEFT/LoRA: adapter; otherwise fine-tune). The Hub has no distillation relation, so distillation is only what an
uploader declares with a ``distillation`` / ``distilled`` tag; it overrides a declared fine-tune. Note that many
distillations (e.g. into another family) declare the *student's* base, not the teacher, and are then not in the
teacher's tree at all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from redline.adoption.attribution import lineage_roots
from redline.adoption.derivatives import derivative_kind, relation_from_tags
from redline.adoption.snapshot import ModelRow, Snapshot
from redline.errors import InputError

RELATIONS: tuple[str, ...] = ("finetune", "quantization", "adapter", "merge", "distillation")
WINDOWS: tuple[str, ...] = ("30d", "all")
_DISTILL_TAGS = frozenset({"distillation", "distilled", "knowledge-distillation"})
_HUB_KIND = {"finetune": "finetune", "quantized": "quantization", "adapter": "adapter", "merge": "merge"}


@dataclass(frozen=True)
class LineageNode:
    """One model of the tree. ``share`` is the base's share of its lineage (1 unless a merge splits it)."""

    id: str
    author: str
    relation: str  # "base" or one of RELATIONS
    relation_source: str  # base / hub-relation / tag / heuristic
    parents: tuple[str, ...]  # declared parents that are in the tree
    depth: int  # steps from the base along the shortest declared path
    downloads: int  # in the window
    share: float
    credited: float  # downloads * share

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "author": self.author, "relation": self.relation,
                "relation_source": self.relation_source, "parents": list(self.parents), "depth": self.depth,
                "downloads": self.downloads, "share": self.share, "credited": self.credited}


@dataclass(frozen=True)
class LineageTree:
    """The base and every model that descends from it, ordered base first, then by credited downloads."""

    base: str
    window: str
    source: str
    taken_at: str
    nodes: tuple[LineageNode, ...]
    all_downloads: int  # every model in the snapshot, in the window (the denominator of "all open models")
    cycles: tuple[str, ...] = ()
    missing_parents: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    by_id: dict[str, LineageNode] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {n.id: n for n in self.nodes})

    @property
    def derivatives(self) -> tuple[LineageNode, ...]:
        return self.nodes[1:]

    @property
    def tree_downloads(self) -> float:
        """Credited downloads of the whole tree, base included."""
        return sum(n.credited for n in self.nodes)

    def children(self, model_id: str) -> list[LineageNode]:
        return [n for n in self.nodes if model_id in n.parents]


def relation_of(row: ModelRow) -> tuple[str, str]:
    """(relation, which field said so) for a model that has a declared parent."""
    tags = {t.lower() for t in row.tags}
    declared = row.base_relation or relation_from_tags(row.tags)
    if tags & _DISTILL_TAGS and declared in (None, "finetune"):
        return "distillation", "tag"
    if row.base_relation:
        return _HUB_KIND[row.base_relation], "hub-relation"
    if declared:
        return _HUB_KIND[declared], "tag"
    return derivative_kind(row) or "finetune", "heuristic"


def downloads_in(row: ModelRow, window: str) -> int | None:
    if window == "30d":
        return row.downloads
    if window == "all":
        return row.downloads_all_time
    raise InputError(f"--window: {window!r} is not one of {', '.join(WINDOWS)}")


def build_tree(snapshot: Snapshot, base: str, *, window: str = "30d") -> LineageTree:
    """The derivative tree of ``base`` in ``snapshot`` (the base must be in it)."""
    if base not in snapshot.by_id:
        raise InputError(f"{snapshot.source or 'snapshot'}: base model {base!r} is not in the snapshot")
    if window not in WINDOWS:
        raise InputError(f"--window: {window!r} is not one of {', '.join(WINDOWS)}")
    rooted = Snapshot(taken_at=snapshot.taken_at, source=snapshot.source,
                      models=tuple(replace(r, base_models=()) if r.id == base else r for r in snapshot.models))
    roots = lineage_roots(rooted)
    shares = {m: dict(r).get(base, 0.0) for m, r in roots.roots.items()}
    members = {m for m, s in shares.items() if s > 0}
    depth = _depths(snapshot, base, members)
    notes: list[str] = []
    unknown = 0
    nodes: list[LineageNode] = []
    for model_id in members:
        row = snapshot.by_id[model_id]
        count = downloads_in(row, window)
        if count is None:
            unknown += 1
            count = 0
        if model_id == base:
            relation, source = "base", "base"
        else:
            relation, source = relation_of(row)
        nodes.append(LineageNode(
            id=model_id, author=row.author, relation=relation, relation_source=source,
            parents=tuple(p for p in row.base_models if p in members and p != model_id) if model_id != base else (),
            depth=depth.get(model_id, 0), downloads=count, share=shares[model_id], credited=count * shares[model_id]))
    if unknown:
        notes.append(f"{unknown} model(s) have no {window} download count; counted as 0")
    nodes.sort(key=lambda n: (n.id != base, -n.credited, n.id))
    total = sum(downloads_in(r, window) or 0 for r in snapshot.models)
    cycles = tuple(c for c in roots.cycles if c in members)
    missing = tuple(p for p in roots.missing_parents
                    if any(p in snapshot.by_id[m].base_models for m in members))
    return LineageTree(base=base, window=window, source=snapshot.source, taken_at=snapshot.taken_at.isoformat(),
                       nodes=tuple(nodes), all_downloads=total, cycles=cycles, missing_parents=missing,
                       notes=tuple(notes))


def _depths(snapshot: Snapshot, base: str, members: set[str]) -> dict[str, int]:
    """Shortest number of declared steps from the base (breadth first over children)."""
    children: dict[str, list[str]] = {}
    for m in members:
        for p in snapshot.by_id[m].base_models:
            children.setdefault(p, []).append(m)
    depth = {base: 0}
    queue = deque([base])
    while queue:
        cur = queue.popleft()
        for child in sorted(children.get(cur, [])):
            if child not in depth:
                depth[child] = depth[cur] + 1
                queue.append(child)
    return depth


def select(tree: LineageTree, *, top: int | None = None, min_downloads: int = 0,
           relations: Sequence[str] = ()) -> list[LineageNode]:
    """The derivatives that pass the filters, most downloaded first: ``relations`` (any of), at least
    ``min_downloads`` in the window, then the ``top`` N. The base is never a derivative."""
    bad = [r for r in relations if r not in RELATIONS]
    if bad:
        raise InputError(f"--relation: {', '.join(bad)} not one of {', '.join(RELATIONS)}")
    if top is not None and top < 1:
        raise InputError(f"--top must be at least 1, got {top}")
    picked = [n for n in tree.derivatives
              if (not relations or n.relation in relations) and n.downloads >= min_downloads]
    picked.sort(key=lambda n: (-n.downloads, n.id))
    return picked[:top] if top is not None else picked


def with_ancestors(tree: LineageTree, ids: Iterable[str]) -> list[str]:
    """``ids`` plus the in-tree parents needed to connect them to the base, in the tree's order."""
    keep = {tree.base}
    stack = list(ids)
    while stack:
        cur = stack.pop()
        if cur in keep or cur not in tree.by_id:
            continue
        keep.add(cur)
        stack.extend(tree.by_id[cur].parents)
    return [n.id for n in tree.nodes if n.id in keep]


def relation_summary(tree: LineageTree) -> dict[str, dict[str, float]]:
    """Per relation: number of derivatives and their credited downloads."""
    out: dict[str, dict[str, float]] = {r: {"models": 0, "credited": 0.0} for r in RELATIONS}
    for n in tree.derivatives:
        out[n.relation]["models"] += 1
        out[n.relation]["credited"] += n.credited
    return out


def tree_to_dict(tree: LineageTree, shown: Sequence[LineageNode] | None = None) -> dict[str, Any]:
    """JSON form: the whole tree, totals, and (with filters) the selected derivatives."""
    total = tree.tree_downloads
    return {
        "schema": "redline.lineage", "schema_version": 1,
        "base": tree.base, "window": tree.window, "source": tree.source, "snapshot_date": tree.taken_at,
        "tree_downloads": total, "all_downloads": tree.all_downloads,
        "tree_share_of_all": (total / tree.all_downloads) if tree.all_downloads else None,
        "derivatives": len(tree.derivatives),
        "relations": relation_summary(tree),
        "nodes": [n.as_dict() for n in tree.nodes],
        "selected": [n.id for n in (shown if shown is not None else tree.derivatives)],
        "cycles_cut_at": list(tree.cycles), "missing_parents": list(tree.missing_parents), "notes": list(tree.notes),
        "fields_read": ["base_models", "base_relation (Hub baseModels.relation)",
                        "tags (base_model:<relation>:<id>, distillation)", "library", "downloads",
                        "downloads_all_time"],
    }
