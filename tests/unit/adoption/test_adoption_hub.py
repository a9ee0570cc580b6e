"""The live path against a local server imitating the Hub's ``/api/models`` (Link-header paging, ``expand``).

The server runs on 127.0.0.1 in a thread and is reached through ``HF_ENDPOINT``, exactly as a user would point
the client at a mirror. No request leaves the machine.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from redline.adoption.analysis import analyse
from redline.adoption.hub import EXPAND, fetch_snapshot, hub_endpoint
from redline.errors import BackendError, InputError

TOKEN = "hf_test_secret_token_do_not_store"

MODELS: list[dict[str, Any]] = [
    {"id": "Qwen/Qwen2.5-7B", "author": "Qwen", "downloads": 300, "downloadsAllTime": 5000,
     "createdAt": "2024-09-15T10:00:00.000Z", "tags": ["transformers", "text-generation"],
     "library_name": "transformers", "pipeline_tag": "text-generation", "likes": 10},
    {"id": "Qwen/Qwen2.5-7B-Instruct", "author": "Qwen", "downloads": 200, "downloadsAllTime": 3000,
     "createdAt": "2024-09-16T10:00:00.000Z", "tags": ["transformers", "base_model:finetune:Qwen/Qwen2.5-7B"],
     "baseModels": {"relation": "finetune", "models": [{"_id": "x1", "id": "Qwen/Qwen2.5-7B"}]},
     "library_name": "transformers", "pipeline_tag": "text-generation"},
    {"id": "meta-llama/Llama-3.1-8B", "author": "meta-llama", "downloads": 150, "downloadsAllTime": 6000,
     "createdAt": "2024-07-18T12:00:00.000Z", "tags": ["transformers"], "library_name": "transformers",
     "pipeline_tag": "text-generation"},
    {"id": "bartowski/Qwen2.5-7B-Instruct-GGUF", "author": "bartowski", "downloads": 150, "downloadsAllTime": 2000,
     "createdAt": "2024-09-20T08:00:00.000Z", "tags": ["gguf"],
     "baseModels": {"relation": "quantized", "models": [{"id": "Qwen/Qwen2.5-7B-Instruct"}]},
     "library_name": "gguf", "pipeline_tag": "text-generation"},
    {"id": "someuser/llama-qwen-merge", "author": "someuser", "downloads": 100, "downloadsAllTime": 400,
     "createdAt": "2024-11-05T09:30:00.000Z", "tags": ["mergekit"],
     "baseModels": {"relation": "merge",
                    "models": [{"id": "meta-llama/Llama-3.1-8B"}, {"id": "Qwen/Qwen2.5-7B-Instruct"}]},
     "library_name": "transformers", "pipeline_tag": "text-generation"},
    {"id": "mistralai/Mistral-7B-v0.1", "author": "mistralai", "downloads": 50, "downloadsAllTime": 4000,
     "createdAt": "2023-09-20T14:00:00.000Z", "tags": [], "library_name": "transformers",
     "pipeline_tag": "text-generation"},
    {"id": "anon/r1-distill-ft", "author": "anon", "downloads": 50, "downloadsAllTime": 50,
     "createdAt": "2025-01-15T18:00:00.000Z", "tags": [],
     # an older repo that declares its parent only in the model card
     "cardData": {"base_model": "deepseek-ai/DeepSeek-R1", "license": "mit"},
     "library_name": "transformers", "pipeline_tag": "text-generation"},
]


@dataclass
class FakeHub:
    """State shared with the handler: the catalogue, page size, queued failures and a request log."""

    models: list[dict[str, Any]]
    page_size: int = 2
    fail_next: list[int] = field(default_factory=list)
    malformed_next: int = 0
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""


def _handler(hub: FakeHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            parsed = urlparse(self.path)
            query = parse_qs(parsed.query)
            hub.requests.append({"path": parsed.path, "query": query, "auth": self.headers.get("Authorization")})
            if parsed.path != "/api/models":
                return self._send(404, {"error": "not found"})
            if hub.fail_next:
                return self._send(hub.fail_next.pop(0), {"error": "injected failure"})
            if hub.malformed_next:
                hub.malformed_next -= 1
                return self._send(200, None, raw=b"[{\"id\": ")
            items = hub.models
            if "author" in query:
                items = [m for m in items if m["author"] == query["author"][0]]
            if query.get("sort") == ["downloads"]:
                items = sorted(items, key=lambda m: -m["downloads"])
            limit = int(query["limit"][0]) if "limit" in query else hub.page_size
            size = min(limit, hub.page_size)
            cursor = int(query.get("cursor", ["0"])[0])
            page = items[cursor : cursor + size]
            expand = query.get("expand")
            if expand:  # like the Hub: only the requested properties (plus ids)
                page = [{k: v for k, v in m.items() if k in expand or k in ("id", "_id")} for m in page]
            headers = {}
            if cursor + size < len(items):
                rest = {k: v for k, v in query.items() if k != "cursor"}
                rest["cursor"] = [str(cursor + size)]
                headers["Link"] = f'<{hub.url}/api/models?{urlencode(rest, doseq=True)}>; rel="next"'
            return self._send(200, page, headers=headers)

        def _send(
            self, status: int, body: Any, *, raw: bytes | None = None, headers: dict[str, str] | None = None
        ) -> None:
            data = raw if raw is not None else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

    return Handler


@pytest.fixture
def fake_hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeHub]:
    hub = FakeHub(models=[dict(m) for m in MODELS])
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(hub))
    hub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    from huggingface_hub import constants

    # the suite runs with HF_HUB_OFFLINE=1 (tests/conftest.py); this server is on loopback, so allow the client
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setenv("HF_ENDPOINT", hub.url + "/")
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setenv("REDLINE_HOME", str(tmp_path / "home"))
    try:
        yield hub
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_endpoint_from_environment(fake_hub: FakeHub) -> None:
    assert hub_endpoint() == fake_hub.url


def test_pages_through_link_headers_with_expand_and_token(fake_hub: FakeHub) -> None:
    snap = fetch_snapshot(top=5)
    assert [m.id for m in snap.models] == [m["id"] for m in MODELS[:5]]
    assert len(fake_hub.requests) == math.ceil(5 / fake_hub.page_size)
    first = fake_hub.requests[0]["query"]
    assert set(first["expand"]) == set(EXPAND)
    assert first["sort"] == ["downloads"] and first["limit"] == ["5"]
    assert all(r["auth"] == f"Bearer {TOKEN}" for r in fake_hub.requests)
    assert all(set(r["query"]["expand"]) == set(EXPAND) for r in fake_hub.requests)  # the Link keeps the query
    merge = snap.by_id["someuser/llama-qwen-merge"]
    assert merge.base_models == ("meta-llama/Llama-3.1-8B", "Qwen/Qwen2.5-7B-Instruct")
    assert merge.base_relation == "merge"
    assert snap.by_id["Qwen/Qwen2.5-7B"].downloads_all_time == 5000
    assert snap.source.startswith(fake_hub.url)


def test_card_data_base_model_is_a_fallback(fake_hub: FakeHub) -> None:
    snap = fetch_snapshot(top=50)
    assert snap.by_id["anon/r1-distill-ft"].base_models == ("deepseek-ai/DeepSeek-R1",)
    assert len(snap.models) == len(MODELS)


def test_cache_is_reused_and_never_holds_the_token(fake_hub: FakeHub, tmp_path: Path) -> None:
    first = fetch_snapshot(top=3)
    n = len(fake_hub.requests)
    again = fetch_snapshot(top=3)
    assert len(fake_hub.requests) == n  # served from the cache
    assert again.models == first.models and again.taken_at == first.taken_at
    files = list((tmp_path / "home" / "cache" / "hub").glob("*.json"))
    assert len(files) == 1
    assert TOKEN not in files[0].read_text(encoding="utf-8")
    fetch_snapshot(top=3, refresh=True)
    assert len(fake_hub.requests) > n
    m = len(fake_hub.requests)
    fetch_snapshot(top=3, max_age_s=0)  # stale
    assert len(fake_hub.requests) > m


def test_damaged_cache_is_ignored(fake_hub: FakeHub, tmp_path: Path) -> None:
    fetch_snapshot(top=2)
    (cache,) = (tmp_path / "home" / "cache" / "hub").glob("*.json")
    cache.write_text("{not json", encoding="utf-8")
    n = len(fake_hub.requests)
    assert len(fetch_snapshot(top=2).models) == 2
    assert len(fake_hub.requests) > n


def test_authors_are_listed_one_by_one(fake_hub: FakeHub) -> None:
    snap = fetch_snapshot(authors=["Qwen", "bartowski"])
    assert {m.author for m in snap.models} == {"Qwen", "bartowski"}
    assert len(snap.models) == 3
    assert {r["query"]["author"][0] for r in fake_hub.requests} == {"Qwen", "bartowski"}


def test_transient_server_error_is_retried(fake_hub: FakeHub) -> None:
    fake_hub.fail_next = [503]
    snap = fetch_snapshot(top=2)
    assert len(snap.models) == 2
    assert len(fake_hub.requests) == 2  # the failed request, then its retry


def test_client_error_becomes_backend_error(fake_hub: FakeHub) -> None:
    fake_hub.fail_next = [404]
    with pytest.raises(BackendError, match="HTTP 404") as info:
        fetch_snapshot(top=2)
    assert info.value.retryable is False
    assert TOKEN not in str(info.value)


def test_malformed_page_becomes_backend_error(fake_hub: FakeHub) -> None:
    fake_hub.malformed_next = 1
    with pytest.raises(BackendError):
        fetch_snapshot(top=2)


def test_offline_mode_uses_any_cached_listing(fake_hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    from huggingface_hub import constants

    fetched = fetch_snapshot(top=2)
    n = len(fake_hub.requests)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    assert fetch_snapshot(top=2, max_age_s=0).models == fetched.models  # stale, but offline
    assert len(fake_hub.requests) == n
    with pytest.raises(BackendError, match="HF_HUB_OFFLINE is set"):
        fetch_snapshot(top=3)


def test_empty_listing(fake_hub: FakeHub) -> None:
    with pytest.raises(InputError, match="returned no models"):
        fetch_snapshot(authors=["nobody-here"])


def test_live_analysis_matches_the_hand_computed_snapshot(fake_hub: FakeHub) -> None:
    r = analyse(fetch_snapshot(top=100), attribution="both")
    assert r["window"]["total_downloads"] == 1000
    assert r["shares_by_country"]["uploader"]["CN"] == pytest.approx(0.5)
    assert r["shares_by_country"]["lineage"]["CN"] == pytest.approx(0.75)
    assert r["hhi"]["lineage"] == pytest.approx(0.535)


def test_cli_live_and_saved_snapshot_agree(fake_hub: FakeHub, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from redline.cli import cli

    runner = CliRunner()
    out = tmp_path / "snap.parquet"
    saved = runner.invoke(cli, ["adoption", "snapshot", "--out", str(out), "--top", "100"])
    assert saved.exit_code == 0, saved.output
    assert f"wrote {len(MODELS)} models to {out}" in saved.output
    live = runner.invoke(cli, ["adoption", "--live", "--top", "100", "--json"])
    again = runner.invoke(cli, ["adoption", "--snapshot", str(out), "--json"])
    assert live.exit_code == 0 and again.exit_code == 0, (live.output, again.output)
    a, b = json.loads(live.output), json.loads(again.output)
    for d in (a, b):
        d.pop("snapshot")
    assert a == b


def test_cli_snapshot_rejects_a_bad_suffix_before_fetching(fake_hub: FakeHub, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from redline.cli import cli

    result = CliRunner().invoke(cli, ["adoption", "snapshot", "--out", str(tmp_path / "snap.xlsx")])
    assert result.exit_code == 2 and "unknown snapshot format" in result.output
    assert fake_hub.requests == []


def test_importing_the_package_does_not_import_the_client() -> None:
    import subprocess
    import sys

    code = ("import sys, redline.adoption.hub, redline.adoption.analysis, redline.commands.adoption\n"
            "print('huggingface_hub' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "False"


def test_credentials_in_the_endpoint_are_never_shown_or_cached(fake_hub: FakeHub, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from redline.adoption.hub import redact_endpoint

    assert redact_endpoint("https://user:pw@hub.example:8443/x") == "https://hub.example:8443/x"
    assert redact_endpoint("https://hub.example") == "https://hub.example"
    with_creds = fake_hub.url.replace("http://", "http://mirror-user:mirror-pass@")
    monkeypatch.setenv("HF_ENDPOINT", with_creds)
    snap = fetch_snapshot(top=2)
    assert "mirror-pass" not in snap.source
    (cache,) = (tmp_path / "home" / "cache" / "hub").glob("*.json")
    assert "mirror-pass" not in cache.read_text(encoding="utf-8")
