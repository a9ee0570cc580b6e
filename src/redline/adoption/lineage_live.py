"""The live path of ``redline lineage``: walk a base model's derivatives on the Hub into a small Snapshot.

The Hub tags every repository that declares a base with ``base_model:<relation>:<base id>`` (the links of its
"model tree" panel), so the children of a model are four filtered listings, one per relation, most downloaded
first. The walk goes breadth first from the base, at most ``max_depth`` levels and ``max_models`` models, and keeps
only rows whose own ``base_models`` really name the parent (a mirror that ignores the filter cannot add strangers).
HTTP, paging, retries, ``HF_ENDPOINT`` and ``HF_TOKEN`` are handled as in :mod:`redline.adoption.hub`, whose row
conversion is reused. Listings are not cached; with ``HF_HUB_OFFLINE`` set use ``--snapshot FILE`` instead.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from redline.adoption.hub import EXPAND, hub_endpoint, raw_row, redact_endpoint
from redline.adoption.snapshot import Snapshot, build_snapshot
from redline.errors import BackendError, InputError

HUB_RELATIONS: tuple[str, ...] = ("finetune", "quantized", "adapter", "merge")
DEFAULT_PER_PARENT = 200
DEFAULT_MAX_MODELS = 2000
DEFAULT_MAX_DEPTH = 6

Lister = Callable[[dict[str, Any]], list[Any]]


def fetch_tree_snapshot(base: str, *, endpoint: str | None = None, per_parent: int = DEFAULT_PER_PARENT,
                        max_models: int = DEFAULT_MAX_MODELS, max_depth: int = DEFAULT_MAX_DEPTH,
                        now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> tuple[Snapshot, list[str]]:
    """A snapshot holding the base and its derivatives found on the Hub, and notes on where the walk stopped."""
    from huggingface_hub import constants

    endpoint = (endpoint or hub_endpoint()).rstrip("/")
    shown = redact_endpoint(endpoint)
    if getattr(constants, "HF_HUB_OFFLINE", False):
        raise BackendError(f"{shown}: HF_HUB_OFFLINE is set; unset it or use --snapshot FILE", retryable=False)
    lister = _lister(endpoint)
    base_rows = [r for r in (raw_row(i) for i in lister({"search": base})) if r["id"] == base]
    if not base_rows:
        raise InputError(f"{shown}: base model {base!r} not found")
    rows: dict[str, dict[str, Any]] = {base: base_rows[0]}
    notes: list[str] = []
    queue: deque[tuple[str, int]] = deque([(base, 0)])
    expanded: set[str] = set()
    while queue:
        parent, depth = queue.popleft()
        if parent in expanded:
            continue
        expanded.add(parent)
        if depth >= max_depth:
            notes.append(f"stopped at depth {max_depth} below {parent}")
            continue
        for relation in HUB_RELATIONS:
            items = lister({"filter": f"base_model:{relation}:{parent}", "limit": per_parent})
            if len(items) >= per_parent:
                notes.append(f"{parent}: only the {per_parent} most downloaded {relation} children listed")
            for item in items:
                row = raw_row(item)
                if parent not in row["base_models"] or row["id"] == parent:
                    continue
                if row["id"] not in rows:
                    if len(rows) >= max_models:
                        notes.append(f"stopped at {max_models} models")
                        queue.clear()
                        break
                    rows[row["id"]] = row
                    queue.append((row["id"], depth + 1))
    taken = now()
    records = ((f"model {r['id']}", {**r, "snapshot_date": taken.isoformat()}) for r in rows.values())
    snapshot = build_snapshot(records, source=f"{shown} (derivatives of {base})", where=shown)
    return snapshot, list(dict.fromkeys(notes))


def _lister(endpoint: str) -> Lister:
    """``HfApi.list_models`` with the snapshot's ``expand`` fields, sorted by downloads; errors -> BackendError."""
    from huggingface_hub import HfApi

    from redline.adoption.hub import _client_errors

    api = HfApi(endpoint=endpoint)

    def list_models(query: dict[str, Any]) -> list[Any]:
        try:
            return list(api.list_models(**query, expand=list(EXPAND), sort="downloads"))  # type: ignore[arg-type]
        except _client_errors() as exc:
            status = getattr(getattr(exc, "response", None), "status_code", None)
            retryable = status is None or status in (408, 429) or status >= 500
            detail = f"HTTP {status}" if status else type(exc).__name__
            raise BackendError(f"{redact_endpoint(endpoint)}: listing models failed after retries: {detail}",
                               retryable=retryable) from None

    return list_models
