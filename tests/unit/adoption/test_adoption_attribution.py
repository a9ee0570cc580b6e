"""Uploader and lineage attribution, including the awkward lineages real Hub metadata contains."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from redline.adoption.attribution import MAX_DEPTH, attribute, lineage_roots
from redline.adoption.derivatives import derivative_kind, is_quantized
from redline.adoption.snapshot import ModelRow, Snapshot


def _snap(*rows: tuple[str, str]) -> Snapshot:
    """Rows as (id, ';'-joined parents); the author is the id's namespace."""
    models = tuple(
        ModelRow(id=i, author=i.split("/")[0] if "/" in i else "", downloads=1,
                 base_models=tuple(p for p in b.split(";") if p))
        for i, b in rows
    )
    return Snapshot(taken_at=datetime(2025, 1, 1, tzinfo=UTC), models=models)


def _credits(snap: Snapshot, mode: str, model: str) -> dict[str, float]:
    return dict(attribute(snap, mode).by_model[model])


def test_uploader_credits_the_repo_owner() -> None:
    snap = _snap(("base/m", ""), ("quant/m-gguf", "base/m"))
    assert _credits(snap, "uploader", "quant/m-gguf") == {"quant": 1.0}


def test_quantisation_chain_goes_to_the_root() -> None:
    snap = _snap(("lab/base", ""), ("lab/instruct", "lab/base"), ("ft/tuned", "lab/instruct"),
                 ("q/tuned-gguf", "ft/tuned"))
    assert _credits(snap, "lineage", "q/tuned-gguf") == {"lab": 1.0}
    assert dict(lineage_roots(snap).roots["q/tuned-gguf"]) == {"lab/base": 1.0}


def test_merge_splits_equally_and_recursively() -> None:
    snap = _snap(
        ("a/base", ""), ("b/base", ""), ("c/base", ""),
        ("m/ab", "a/base;b/base"),
        ("m/abc", "m/ab;c/base"),
    )
    assert _credits(snap, "lineage", "m/ab") == {"a": 0.5, "b": 0.5}
    assert _credits(snap, "lineage", "m/abc") == pytest.approx({"a": 0.25, "b": 0.25, "c": 0.5})


def test_diamond_lineage_sums_back_to_one_root() -> None:
    snap = _snap(("a/base", ""), ("x/ft1", "a/base"), ("y/ft2", "a/base"), ("m/merge", "x/ft1;y/ft2"))
    assert _credits(snap, "lineage", "m/merge") == pytest.approx({"a": 1.0})


def test_merge_parents_of_one_developer_are_combined() -> None:
    snap = _snap(("a/one", ""), ("a/two", ""), ("b/x", ""), ("m/merge", "a/one;a/two;b/x"))
    assert _credits(snap, "lineage", "m/merge") == pytest.approx({"a": 2 / 3, "b": 1 / 3})


def test_missing_parent_is_credited_to_its_namespace() -> None:
    snap = _snap(("anon/ft", "deepseek-ai/DeepSeek-R1"), ("anon/legacy-ft", "gpt2"))
    credits = attribute(snap, "lineage")
    assert dict(credits.by_model["anon/ft"]) == {"deepseek-ai": 1.0}
    assert dict(credits.by_model["anon/legacy-ft"]) == {"": 1.0}  # no namespace: unknown developer
    assert credits.missing_parents == ("deepseek-ai/DeepSeek-R1", "gpt2")


def test_two_cycle_is_cut_and_reported() -> None:
    snap = _snap(("x/a", "y/b"), ("y/b", "x/a"))
    credits = attribute(snap, "lineage")
    # walking from x/a: x/a -> y/b, whose parent x/a is already on the path: y/b is treated as the root
    assert dict(credits.by_model["x/a"]) == {"y": 1.0}
    assert dict(credits.by_model["y/b"]) == {"x": 1.0}
    assert set(credits.cycles) == {"x/a", "y/b"}


def test_self_reference_is_a_root() -> None:
    snap = _snap(("x/a", "x/a"))
    credits = attribute(snap, "lineage")
    assert dict(credits.by_model["x/a"]) == {"x": 1.0}
    assert credits.cycles == ("x/a",)


def test_cycle_in_one_merge_parent_keeps_the_other() -> None:
    snap = _snap(("r/root", ""), ("c/one", "c/two"), ("c/two", "c/one;r/root"), ("m/merge", "c/one"))
    credits = attribute(snap, "lineage")
    # m/merge -> c/one -> c/two -> {c/one (cycle, dropped), r/root}
    assert dict(credits.by_model["m/merge"]) == {"r": 1.0}
    assert sum(dict(credits.by_model["c/two"]).values()) == pytest.approx(1.0)


def test_very_long_chain_stops_at_the_depth_limit() -> None:
    n = MAX_DEPTH + 10
    rows = [(f"u{i}/m", f"u{i + 1}/m") for i in range(n)] + [(f"u{n}/m", "")]
    credits = attribute(_snap(*rows), "lineage")
    assert sum(dict(credits.by_model["u0/m"]).values()) == pytest.approx(1.0)
    assert credits.depth_limited
    assert dict(credits.by_model[f"u{n - 5}/m"]) == {f"u{n}": 1.0}  # short walks are unaffected


def test_weights_always_sum_to_one() -> None:
    snap = _snap(
        ("a/r", ""), ("b/r", ""), ("m/1", "a/r;b/r"), ("m/2", "m/1;a/r;missing/x"), ("c/loop", "m/2;c/loop2"),
        ("c/loop2", "c/loop"),
    )
    for mode in ("uploader", "lineage"):
        for weights in attribute(snap, mode).by_model.values():
            assert sum(w for _, w in weights) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("row", "kind", "quantized"),
    [
        (ModelRow(id="a/b", author="a", downloads=0), None, False),
        (ModelRow(id="a/b", author="a", downloads=0, base_models=("x/y",), base_relation="quantized"),
         "quantization", True),
        (ModelRow(id="a/b", author="a", downloads=0, base_models=("x/y",), tags=("base_model:adapter:x/y",)),
         "adapter", False),
        (ModelRow(id="a/b-GGUF", author="a", downloads=0, base_models=("x/y",)), "quantization", True),
        (ModelRow(id="a/b-4bit", author="a", downloads=0, base_models=("x/y",)), "quantization", True),
        (ModelRow(id="a/b", author="a", downloads=0, base_models=("x/y", "z/w")), "merge", False),
        (ModelRow(id="a/b", author="a", downloads=0, base_models=("x/y",), library="peft"), "adapter", False),
        (ModelRow(id="a/b", author="a", downloads=0, base_models=("x/y",)), "finetune", False),
        (ModelRow(id="a/Qwen2.5-7B", author="a", downloads=0), None, False),
        (ModelRow(id="a/b", author="a", downloads=0, tags=("gguf",)), None, True),
    ],
)
def test_derivative_kinds(row: ModelRow, kind: str | None, quantized: bool) -> None:
    assert derivative_kind(row) == kind
    assert is_quantized(row) is quantized
