"""``redline run --dry-run``: its counts are the trials a real run writes, and it generates and writes nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from redline.cli import cli
from redline.config import make_config
from redline.pipeline.audit import run_audit
from redline.pipeline.dry_run import dry_run, suite_power

OPTIONS = {"suites": ("smoke", "code-security"), "model": "scripted/effect", "limit": 2, "profile": "standard",
           "judge": False, "report": False, "cache": False}


def test_counts_equal_the_trials_a_run_writes(tmp_path: Path) -> None:
    cfg = make_config(**OPTIONS, runs_dir=str(tmp_path))
    plan = dry_run(cfg)
    assert not any(tmp_path.iterdir()), "a dry run writes nothing"
    assert not plan.resumes and plan.done == 0 and plan.to_generate == plan.planned
    result = run_audit(cfg, progress=False)
    written = Counter((t.suite, t.condition_id) for t in result.run.trials())
    assert plan.cells == dict(written) and plan.planned == sum(written.values()) == result.trials
    assert plan.run_path == result.run.path
    again = dry_run(cfg)  # the same command now resumes a complete run
    assert again.resumes and again.done == again.planned and again.to_generate == 0 and again.completion_tokens == 0


def test_eta_measured_from_earlier_generations(tmp_path: Path) -> None:
    cfg = make_config(**{**OPTIONS, "suites": ("smoke",), "model": "scripted/effect?latency=0.001"},
                      runs_dir=str(tmp_path))
    first = dry_run(cfg)
    assert first.throughput is None and first.eta_s is None  # never guessed
    assert first.completion_tokens == first.planned * cfg.max_tokens  # the --max-tokens bound
    run_audit(cfg, progress=False)
    bigger = make_config(**{**OPTIONS, "suites": ("smoke",), "model": "scripted/effect?latency=0.001", "limit": 4},
                         runs_dir=str(tmp_path))
    plan = dry_run(bigger)
    assert plan.throughput is not None and plan.throughput.source == "measured"
    assert plan.throughput.detail.startswith(f"{first.planned} earlier generations")
    assert plan.eta_s is not None and plan.eta_s > 0
    assert plan.completion_tokens < plan.to_generate * bigger.max_tokens  # the measured mean, not the bound


def test_power_of_the_planned_design() -> None:
    from redline.records import Trial

    def trial(cond: str, group: str, i: int) -> Trial:
        return Trial(trial_id=f"{cond}{i}", pair_key=str(i), suite="s", suite_hash="", case_id=str(i),
                     condition_id=cond, condition_group=group, replicate=0, mode="chat")

    small = [trial(c, g, i) for i in range(10) for c, g in (("baseline", "baseline"), ("t", "sensitive"))]
    large = [trial(c, g, i) for i in range(400) for c, g in (("baseline", "baseline"), ("t", "sensitive"))]
    p_small, p_large = suite_power("s", small), suite_power("s", large)
    assert p_small is not None and p_large is not None
    assert p_small.pairs_per_condition == 10 and p_small.conditions == 1
    assert p_small.power < 0.2 < 0.8 < p_large.power  # 20% -> 30% needs a few hundred pairs
    assert p_small.pairs_needed == p_large.pairs_needed and 10 < p_small.pairs_needed < 400
    assert suite_power("s", [t for t in small if t.condition_group == "sensitive"]) is None  # no baseline


def test_cli_dry_run_prints_the_plan(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["run", "--dry-run", "--suite", "smoke", "--model", "scripted/effect",
                                   "--runs-dir", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert "smoke:" in out.output and "trials:" in out.output and "ETA: unknown" in out.output
    assert not any(tmp_path.iterdir())
