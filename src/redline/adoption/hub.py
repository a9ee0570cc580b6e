"""The only module that talks to the network: list models on the Hugging Face Hub and turn them into a Snapshot.

``huggingface_hub`` does the HTTP work (imported inside functions so ``import redline`` stays light): it follows
the ``Link`` header from page to page and retries 408/429/500/502/503/504 answers, timeouts and dropped
connections with exponential backoff. It reads ``HF_TOKEN`` (or the token saved by ``hf auth login``) itself;
this module only asks whether one is set and never logs or stores it. ``HF_ENDPOINT`` is read at call time, so a
changed environment takes effect without re-importing the client. Results are cached as JSON under
``$REDLINE_HOME/cache/hub/``; the cache key holds the endpoint (without any credentials) and the query, and only
whether a token was present, never the token. With ``HF_HUB_OFFLINE`` set, a cached listing of any age is used
instead of failing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from redline.adoption.snapshot import Snapshot, build_snapshot
from redline.errors import BackendError, InputError

EXPAND: tuple[str, ...] = (
    "author",
    "downloads",
    "downloadsAllTime",
    "createdAt",
    "cardData",
    "tags",
    "baseModels",
    "library_name",
    "pipeline_tag",
)
DEFAULT_TOP = 1000
DEFAULT_MAX_AGE_S = 6 * 3600.0
CACHE_VERSION = 1


def redline_home() -> Path:
    """``$REDLINE_HOME``, else ``~/.redline`` (the project-wide setting)."""
    from redline.config import redline_home as home

    return home().expanduser()


def hub_endpoint() -> str:
    """``$HF_ENDPOINT`` as the client interprets it, else the public Hub."""
    endpoint = os.environ.get("HF_ENDPOINT", "").strip()
    if not endpoint:
        from huggingface_hub import constants

        endpoint = constants.ENDPOINT
    return endpoint.rstrip("/")


def redact_endpoint(endpoint: str) -> str:
    """The endpoint without any ``user:password@`` part, for messages, snapshot sources and cache keys."""
    parts = urlsplit(endpoint)
    if parts.username is None and parts.password is None:
        return endpoint
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


def fetch_snapshot(
    *,
    top: int | None = DEFAULT_TOP,
    authors: Sequence[str] = (),
    endpoint: str | None = None,
    cache_dir: Path | None = None,
    max_age_s: float = DEFAULT_MAX_AGE_S,
    refresh: bool = False,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Snapshot:
    """Models sorted by 30-day downloads: the ``top`` most downloaded overall, or (with ``authors``) those authors'
    models (at most ``top`` each). A cached listing younger than ``max_age_s`` is reused unless ``refresh``."""
    if top is not None and top < 1:
        raise InputError(f"--top must be at least 1, got {top}")
    authors = [a.strip() for a in authors if a.strip()]
    endpoint = (endpoint or hub_endpoint()).rstrip("/")
    shown = redact_endpoint(endpoint)
    key = {
        "version": CACHE_VERSION,
        "endpoint": shown,
        "top": top,
        "authors": sorted(authors),
        "expand": list(EXPAND),
        "authenticated": _has_token(),
    }
    cache_path = (cache_dir or redline_home() / "cache" / "hub") / f"models-{_digest(key)}.json"
    offline = _offline()
    if offline:  # the client would refuse every request: any cached listing, however old, is the best answer
        max_age_s, refresh = float("inf"), False
    cached = None if refresh else _read_cache(cache_path, key, now(), max_age_s)
    if cached is None and offline:
        raise BackendError(
            f"{shown}: HF_HUB_OFFLINE is set and no cached listing matches; unset it or use --snapshot FILE",
            retryable=False,
        )
    fetched_at, rows = cached if cached is not None else (now(), unique_rows(list_raw_models(endpoint, top, authors)))
    if not rows:
        raise InputError(f"{shown}: the Hub listing returned no models for this query")
    records = ((f"model {r.get('id')}", {**r, "snapshot_date": fetched_at.isoformat()}) for r in rows)
    snapshot = build_snapshot(records, source=f"{shown} ({_describe(top, authors)})", where=shown)
    if cached is None:
        _write_cache(cache_path, key, fetched_at, rows)
    return snapshot


def list_raw_models(endpoint: str, top: int | None, authors: Sequence[str]) -> list[Any]:
    """``ModelInfo`` objects from ``HfApi.list_models``; client errors become ``BackendError``."""
    from huggingface_hub import HfApi

    api = HfApi(endpoint=endpoint)
    queries: list[dict[str, Any]] = [{"author": a} for a in authors] or [{}]
    items: list[Any] = []
    try:
        for query in queries:
            items.extend(api.list_models(**query, expand=list(EXPAND), sort="downloads", limit=top))  # type: ignore[arg-type]
    except _client_errors() as exc:
        status = getattr(getattr(exc, "response", None), "status_code", None)
        retryable = status is None or status in (408, 429) or status >= 500
        detail = f"HTTP {status}" if status else type(exc).__name__
        raise BackendError(
            f"{redact_endpoint(endpoint)}: listing models failed after retries: {detail}", retryable=retryable
        ) from None
    return items


def _client_errors() -> tuple[type[BaseException], ...]:
    from huggingface_hub import errors

    http_error = getattr(errors, "HTTPError", OSError)
    return (http_error, OSError, ValueError, KeyError, TypeError)


def unique_rows(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Snapshot columns for each listed model, first occurrence kept (a listing can shift between pages)."""
    rows: dict[str, dict[str, Any]] = {}
    for item in items:
        raw = raw_row(item)
        rows.setdefault(raw["id"], raw)
    return list(rows.values())


def raw_row(item: Any) -> dict[str, Any]:
    """The snapshot columns from one ``ModelInfo`` (or a dict shaped like the API's JSON)."""
    get: Callable[[str, str], Any]
    if isinstance(item, Mapping):
        get = lambda attr, api: item.get(api)  # noqa: E731
    else:
        get = lambda attr, api: getattr(item, attr, None)  # noqa: E731
    model_id = str(get("id", "id") or "")
    base = get("base_models", "baseModels")
    base_ids: list[str] = []
    relation = None
    if isinstance(base, Mapping):
        relation = base.get("relation")
        base_ids = [str(m["id"]) for m in base.get("models") or [] if isinstance(m, Mapping) and m.get("id")]
    if not base_ids:  # older repos declare their parent only in the card
        card = get("card_data", "cardData")
        declared = card.get("base_model") if isinstance(card, Mapping) else getattr(card, "base_model", None)
        base_ids = [declared] if isinstance(declared, str) else [str(x) for x in declared or [] if x]
    created = get("created_at", "createdAt")
    return {
        "id": model_id,
        "author": get("author", "author") or "",
        "downloads": get("downloads", "downloads") or 0,
        "downloads_all_time": get("downloads_all_time", "downloadsAllTime"),
        "created_at": created.isoformat() if isinstance(created, datetime) else created,
        "base_models": base_ids,
        "base_relation": relation if relation in ("finetune", "quantized", "adapter", "merge") else None,
        "tags": [str(t) for t in get("tags", "tags") or []],
        "library": get("library_name", "library_name"),
        "pipeline_tag": get("pipeline_tag", "pipeline_tag"),
    }


def _offline() -> bool:
    from huggingface_hub import constants

    return bool(getattr(constants, "HF_HUB_OFFLINE", False))


def _has_token() -> bool:
    from huggingface_hub import get_token

    try:
        return get_token() is not None
    except Exception:  # a broken token source must not stop an anonymous listing
        return False


def _describe(top: int | None, authors: Sequence[str]) -> str:
    if authors:
        return "authors " + ",".join(authors)
    return f"top {top} by 30-day downloads" if top else "all models"


def _digest(key: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]


def _read_cache(
    path: Path, key: Mapping[str, Any], now: datetime, max_age_s: float
) -> tuple[datetime, list[dict[str, Any]]] | None:
    """A cached listing if it matches ``key`` and is fresh; a damaged cache file is ignored, not fatal."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        fetched_at = datetime.fromisoformat(data["fetched_at"])
        rows = data["rows"]
        if not isinstance(rows, list):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    age = (now - fetched_at).total_seconds()
    if age < 0 or age > max_age_s:
        return None
    return fetched_at, rows


def _write_cache(path: Path, key: Mapping[str, Any], fetched_at: datetime, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"key": key, "fetched_at": fetched_at.isoformat(), "rows": rows}
    fd, tmp = tempfile.mkstemp(prefix=".hub-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
