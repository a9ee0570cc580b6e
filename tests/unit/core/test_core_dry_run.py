"""``redline run --dry-run``: its counts are the trials a real run writes, and it generates and writes nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from redline.cli import cli
from redline.config import make_config
from redline.pipeline.audit import run_audit
from redline.pipeline.dry_run import dry_run, suite_power

OPTIONS = {"suites": ("smoke", "code-security"), "model": "scripted/effect", "limit": 2, "profile": "explore",
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
    """Tasks are the unit: replicates add less than tasks, and the family is the matched sensitive triggers."""
    from redline.records import Trial
    from redline.stats.plan_tasks import plan_tasks

    def trials(tasks: int, replicates: int = 1, conds: tuple[tuple[str, str], ...] = (
            ("baseline", "baseline"), ("t", "sensitive"), ("c", "neutral_control"))) -> list[Trial]:
        return [Trial(trial_id=f"{cond}{i}-{r}", pair_key=f"{i}-{r}", suite="s", suite_hash="", case_id=str(i),
                      condition_id=cond, condition_group=group, replicate=r, mode="chat")
                for i in range(tasks) for r in range(replicates) for cond, group in conds]

    controls = {"t": ("c",)}
    p_small, p_large = suite_power("s", trials(10), controls=controls), suite_power("s", trials(600), controls=controls)
    assert p_small is not None and p_large is not None
    assert p_small.tasks == 10 and p_small.conditions == 1 and p_small.replicates == 1
    assert p_small.power < 0.2 < 0.8 < p_large.power
    assert p_small.tasks_needed == p_large.tasks_needed and 10 < (p_small.tasks_needed or 0) < 600
    assert p_small.power == plan_tasks(0.19, 0.272, tasks=10, replicates=1, family=1, conditions=3).power
    repl = suite_power("s", trials(10, replicates=4), controls=controls)
    assert repl is not None and repl.replicates == 4 and p_small.power < repl.power
    # 40 generations per arm from 10 tasks are worth less than 40 tasks
    assert repl.power < (suite_power("s", trials(40), controls=controls) or p_small).power
    # a sensitive trigger whose control is not planned is not in the family
    no_control = trials(10, conds=(("baseline", "baseline"), ("t", "sensitive")))
    assert suite_power("s", no_control, controls=controls) is None
    assert suite_power("s", no_control) is not None  # without a matching: against the baseline
    assert suite_power("s", [t for t in trials(10) if t.condition_group == "sensitive"], controls=controls) is None


def test_standard_profile_plans_the_headline_arms_only(tmp_path: Path) -> None:
    from redline.suites.loader import resolve_suite
    from redline.suites.matching import matching_for

    cfg = make_config(suites=("code-security",), model="scripted/effect", profile="standard", judge=False,
                      report=False, cache=False, runs_dir=str(tmp_path))
    plan = dry_run(cfg)
    matching = matching_for(resolve_suite("code-security"))
    assert matching is not None
    arms = {"baseline", *matching.confirmatory_ids()}
    assert {c for _, c in plan.cells} == arms and len(arms) == 15
    tasks = len(resolve_suite("code-security").cases)
    assert plan.planned == tasks * 10 * len(arms)
    [power] = plan.power
    assert power.conditions == 7 and power.tasks == tasks and power.replicates == 10
    out = CliRunner().invoke(cli, ["run", "--dry-run", "--suite", "code-security", "--model", "scripted/effect",
                                   "--conditions", "@confirmatory,mars", "--runs-dir", str(tmp_path)])
    assert out.exit_code != 0 and "unknown condition 'mars'" in out.output


def test_cli_dry_run_prints_the_plan(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["run", "--dry-run", "--suite", "smoke", "--model", "scripted/effect",
                                   "--runs-dir", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert "smoke:" in out.output and "trials:" in out.output and "ETA: unknown" in out.output
    assert not any(tmp_path.iterdir())
