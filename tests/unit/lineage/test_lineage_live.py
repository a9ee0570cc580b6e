"""``redline lineage --live`` against the project's local Hub imitation (tests/unit/adoption/test_adoption_hub.py),
reached through HF_ENDPOINT. The imitation's handler is extended to honour ``filter`` (tag match), as the Hub does."""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from click.testing import CliRunner

from redline.adoption.lineage import build_tree
from redline.adoption.lineage_live import fetch_tree_snapshot
from redline.cli import cli
from redline.errors import InputError

_spec = importlib.util.spec_from_file_location(
    "redline_test_hub", Path(__file__).parents[1] / "adoption" / "test_adoption_hub.py")
assert _spec is not None and _spec.loader is not None
hubmod = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = hubmod
_spec.loader.exec_module(hubmod)

BASE = "northwind-ai/Northwind-7B"


def _model(mid: str, downloads: int, parents: list[str] = (), relation: str | None = None,  # type: ignore[assignment]
           tags: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    m: dict[str, Any] = {"id": mid, "author": mid.split("/")[0], "downloads": downloads,
                         "downloadsAllTime": downloads * 10, "createdAt": "2025-01-01T00:00:00.000Z",
                         "tags": list(tags) + [f"base_model:{relation}:{p}" for p in parents],
                         "library_name": "transformers", "pipeline_tag": "text-generation"}
    if parents:
        m["baseModels"] = {"relation": relation, "models": [{"id": p} for p in parents]}
    return m


CATALOGUE = [
    _model(BASE, 400),
    _model("northwind-ai/Northwind-7B-Instruct", 900, [BASE], "finetune"),
    _model("qbits/Northwind-7B-Instruct-GGUF", 700, ["northwind-ai/Northwind-7B-Instruct"], "quantized"),
    _model("mergers/Northwind-Orca-Merge", 100, ["northwind-ai/Northwind-7B-Instruct", "otherlab/Orca-7B"], "merge"),
    _model("loralab/northwind-lora", 30, ["northwind-ai/Northwind-7B-Instruct"], "adapter", ["peft"]),
    _model("otherlab/Orca-7B", 5000),
    _model("qbits/Orca-7B-GGUF", 800, ["otherlab/Orca-7B"], "quantized"),
]


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from huggingface_hub import constants

    state = hubmod.FakeHub(models=list(CATALOGUE), page_size=2)
    base_handler = hubmod._handler(state)

    class Filtering(base_handler):  # type: ignore[misc, valid-type]
        def do_GET(self) -> None:  # noqa: N802
            query = parse_qs(urlparse(self.path).query)
            wanted = query.get("filter", [None])[0]
            search = query.get("search", [None])[0]
            state.models = [m for m in CATALOGUE if (wanted is None or wanted in m["tags"])
                            and (search is None or search in m["id"])]
            super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Filtering)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setenv("HF_ENDPOINT", state.url + "/")
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def test_live_walk_follows_relation_filters(hub: Any) -> None:
    snap, notes = fetch_tree_snapshot(BASE)
    assert {m.id for m in snap.models} == {BASE, "northwind-ai/Northwind-7B-Instruct",
                                           "qbits/Northwind-7B-Instruct-GGUF", "mergers/Northwind-Orca-Merge",
                                           "loralab/northwind-lora"}
    filters = {r["query"]["filter"][0] for r in hub.requests if "filter" in r["query"]}
    assert "base_model:quantized:northwind-ai/Northwind-7B-Instruct" in filters
    assert all(r["path"] == "/api/models" for r in hub.requests)
    assert snap.source.startswith(hub.url) and notes == []
    tree = build_tree(snap, BASE)
    assert tree.by_id["mergers/Northwind-Orca-Merge"].relation == "merge"
    assert tree.by_id["loralab/northwind-lora"].relation == "adapter"


def test_live_cli_matches_the_snapshot_answer(hub: Any) -> None:
    result = CliRunner().invoke(cli, ["lineage", BASE, "--live", "--json", "--top", "2"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)["lineage"]
    assert doc["selected"] == ["northwind-ai/Northwind-7B-Instruct", "qbits/Northwind-7B-Instruct-GGUF"]
    # the merge with another family is credited at half its downloads
    assert doc["tree_downloads"] == 400 + 900 + 700 + 50 + 30


def test_live_unknown_base(hub: Any) -> None:
    with pytest.raises(InputError, match="not found"):
        fetch_tree_snapshot("nobody/nothing")


def test_offline_mode_refuses_before_any_request(hub: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from huggingface_hub import constants

    from redline.errors import BackendError

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(BackendError, match="HF_HUB_OFFLINE"):
        fetch_tree_snapshot(BASE)
    assert hub.requests == []
