"""The real embedded model (Gemma 3 270M via xllamacpp) through `redline run` on the smoke suite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli
from tests.support.browser import browser_available, open_page

pytestmark = pytest.mark.e2e


def test_embedded_model_end_to_end(runs_dir: Path) -> None:
    args = ["run", "--suite", "smoke", "--max-tokens", "48", "--runs-dir", str(runs_dir), "--quiet"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    run_path = Path(first.output.strip().splitlines()[-1])
    gens = [json.loads(line) for line in (run_path / "generations.jsonl").read_text().splitlines()]
    assert len(gens) == 12 and all(g["error"] is None for g in gens)
    assert sum(g["usage"]["completion_tokens"] for g in gens) > 100
    code = [g for g in gens if g["case_id"] == "smoke-run-ping"]
    assert any(g["text"].strip() for g in code)
    manifest = json.loads((run_path / "manifest.json").read_text())
    assert manifest["backend"]["provider"] == "embedded" and manifest["backend"]["deterministic"] is True
    for name in ("trials.jsonl", "cases.jsonl", "verdicts.jsonl", "stats.json", "report.html", "report.md",
                 "report.json"):
        assert (run_path / name).exists(), name
    verdicts = [json.loads(line) for line in (run_path / "verdicts.jsonl").read_text().splitlines()]
    assert {v["trial_id"] for v in verdicts} == {g["trial_id"] for g in gens}
    if browser_available():  # the report of a real run renders, with plots and without console errors
        page = open_page(run_path / "report.html")
        assert page.errors == [] and page.external_requests == [] and page.svg_count >= 1
        assert run_path.name in page.text

    again = CliRunner().invoke(cli, args)  # the same command resumes: nothing new generated
    assert again.exit_code == 0, again.output
    assert len((run_path / "generations.jsonl").read_text().splitlines()) == 12
    assert "0 generated" in again.output
    # --no-cache on the cached run generates every trial again; greedy with one slot gives the same text
    redo = CliRunner().invoke(cli, [*args, "--no-cache", "--no-report"])
    assert redo.exit_code == 0, redo.output
    lines = (run_path / "generations.jsonl").read_text().splitlines()
    assert len(lines) == 24 and "12 generated (0 from cache)" in redo.output
    assert {json.loads(line)["trial_id"]: json.loads(line)["text"] for line in lines[12:]} == \
        {g["trial_id"]: g["text"] for g in gens}

    # greedy decoding with one slot is reproducible: a fresh uncached run gives identical text
    fresh = CliRunner().invoke(cli, [*args, "--fresh", "--no-cache", "--no-judge", "--no-report"])
    assert fresh.exit_code == 0, fresh.output
    fresh_path = Path(fresh.output.strip().splitlines()[-1])
    regen = {json.loads(line)["trial_id"]: json.loads(line)["text"]
             for line in (fresh_path / "generations.jsonl").read_text().splitlines()}
    assert regen == {g["trial_id"]: g["text"] for g in gens}


def test_default_run_covers_both_suites(runs_dir: Path) -> None:
    """The README's main job (both suites, quick profile) on the real model: every generation gets a verdict."""
    result = CliRunner().invoke(cli, ["run", "--max-tokens", "48", "--runs-dir", str(runs_dir), "--quiet"])
    assert result.exit_code == 0, result.output
    run_path = Path(result.output.strip().splitlines()[-1])
    gens = [json.loads(line) for line in (run_path / "generations.jsonl").read_text().splitlines()]
    assert {g["suite"] for g in gens} == {"code-security", "censorship"}
    manifest = json.loads((run_path / "manifest.json").read_text())
    fingerprints = set(manifest["judges"].values())
    verdicts = [json.loads(line) for line in (run_path / "verdicts.jsonl").read_text().splitlines()]
    judged = {v["trial_id"]: v for v in verdicts if v["judge_fingerprint"] in fingerprints}
    assert set(judged) == {g["trial_id"] for g in gens}
    code_labels = {"secure", "vulnerable", "invalid", "no_code", "refused", "error",  # static judge
                   "exploited", "broken", "not_runnable", "timeout", "not_run"}  # code-exec, where a harness exists
    answer_labels = {"refusal", "deflection", "state_narrative", "substantive", "degenerate", "error"}
    for g in gens:
        assert judged[g["trial_id"]]["label"] in (code_labels if g["suite"] == "code-security" else answer_labels)
    stats = json.loads((run_path / "stats.json").read_text())
    assert stats["counts"]["planned"] == stats["counts"]["generated"] == len(gens)
    assert stats["counts"]["unjudged"] == 0 and stats["counts"]["missing"] == 0
