"""Golden run: the same scripted audit over a frozen suite gives byte-identical statistics and the same verdicts
as the snapshot committed before the pipeline refactor (issue 11). Only judge fingerprints and the redline
version are masked (see ``tests.support.golden.normalise_stats``)."""

from __future__ import annotations

from pathlib import Path

from tests.support.golden import GOLDEN, golden_run, normalise_stats, verdict_lines


def test_golden_run_statistics_and_verdicts_are_unchanged(tmp_path: Path) -> None:
    run = golden_run(tmp_path)
    got_stats = normalise_stats((run / "stats.json").read_text(encoding="utf-8"))
    assert got_stats == (GOLDEN / "stats.json").read_text(encoding="utf-8")
    assert verdict_lines(run / "verdicts.jsonl") == (GOLDEN / "verdicts.tsv").read_text(encoding="utf-8")
