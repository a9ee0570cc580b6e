"""The derivative tree from a snapshot: membership, relations (and which field said so), merges, cycles, filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.adoption.lineage import build_tree, relation_of, select, tree_to_dict, with_ancestors
from redline.adoption.snapshot import ModelRow, read_snapshot
from redline.errors import InputError

DATA = Path(__file__).parents[2] / "data" / "adoption"
BASE = "northwind-ai/Northwind-7B"


@pytest.fixture
def tree():  # type: ignore[no-untyped-def]
    return build_tree(read_snapshot(DATA / "lineage-tree.csv"), BASE)


def test_members_relations_and_sources(tree) -> None:  # type: ignore[no-untyped-def]
    got = {n.id: (n.relation, n.relation_source) for n in tree.nodes}
    assert got[BASE] == ("base", "base")
    assert got["qbits/Northwind-7B-Instruct-GGUF"] == ("quantization", "hub-relation")
    assert got["abliterate-lab/Northwind-7B-Instruct-abliterated"] == ("finetune", "tag")  # base_model:finetune: tag
    assert got["medtune/Northwind-7B-Med"] == ("finetune", "heuristic")
    assert got["someone/Northwind-7B-Med-4bit"] == ("quantization", "heuristic")  # name says 4bit
    assert got["studentlab/Tiny-1B-Northwind-Distill"] == ("distillation", "tag")
    assert got["loralab/northwind-7b-sql-lora"] == ("adapter", "hub-relation")
    assert got["mergers/Northwind-Orca-Merge"] == ("merge", "hub-relation")
    assert {r for r, _ in got.values()} == {"base", "finetune", "quantization", "adapter", "merge", "distillation"}
    # unrelated families are not members
    assert "otherlab/Other-8B" not in got and "qbits/Other-8B-GGUF" not in got and "otherlab/Orca-7B" not in got
    assert len(tree.derivatives) == 14


def test_merge_is_credited_in_proportion_and_cycles_are_cut(tree) -> None:  # type: ignore[no-untyped-def]
    merge = tree.by_id["mergers/Northwind-Orca-Merge"]
    assert merge.share == 0.5 and merge.credited == 4500
    assert set(tree.cycles) == {"loops/cycle-a", "loops/cycle-b"}
    assert tree.by_id["qbits/Northwind-7B-Instruct-uncensored-GGUF"].depth == 3
    total = sum(n.downloads * n.share for n in tree.nodes)
    assert tree.tree_downloads == pytest.approx(total)
    assert tree.all_downloads == sum(r.downloads for r in read_snapshot(DATA / "lineage-tree.csv").models)


def test_filters(tree) -> None:  # type: ignore[no-untyped-def]
    top = select(tree, top=2)
    assert [n.id for n in top] == ["northwind-ai/Northwind-7B-Instruct", "qbits/Northwind-7B-Instruct-GGUF"]
    quant = select(tree, relations=["quantization"], min_downloads=20000)
    assert [n.id for n in quant] == ["qbits/Northwind-7B-Instruct-GGUF", "qbits/Northwind-7B-Instruct-uncensored-GGUF",
                                     "northwind-ai/Northwind-7B-Instruct-AWQ", "qbits/Northwind-7B-GGUF"]
    kept = with_ancestors(tree, ["qbits/Northwind-7B-Instruct-uncensored-GGUF"])
    assert kept == [BASE, "northwind-ai/Northwind-7B-Instruct", "qbits/Northwind-7B-Instruct-uncensored-GGUF",
                    "freetext/Northwind-7B-Instruct-uncensored"]
    with pytest.raises(InputError, match="--relation"):
        select(tree, relations=["fork"])
    doc = tree_to_dict(tree, top)
    assert doc["selected"] == [n.id for n in top] and doc["relations"]["distillation"]["models"] == 1


def test_window_all_time_and_unknown_base() -> None:
    snap = read_snapshot(DATA / "lineage-tree.csv")
    tree = build_tree(snap, BASE, window="all")
    assert tree.by_id[BASE].downloads == 610000
    with pytest.raises(InputError, match="not in the snapshot"):
        build_tree(snap, "nobody/nothing")


def test_distillation_tag_does_not_override_a_declared_quantisation() -> None:
    row = ModelRow(id="a/b", author="a", downloads=1, base_models=("x/y",), base_relation="quantized",
                   tags=("distillation",))
    assert relation_of(row) == ("quantization", "hub-relation")
