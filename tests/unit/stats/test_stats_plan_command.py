"""`redline plan` answers in tasks (issue 12), and `--from-run` estimates the ICC from a pilot run."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from click.testing import CliRunner

from redline.cli import cli
from redline.stats.plan_tasks import JUDGE_ERROR, plan_tasks
from tests.support.synthetic import SynthTrial, code_case, write_run
from tests.unit.stats.test_stats_design_wiring import DESIGN


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_plan_answers_in_tasks_with_the_suite_defaults() -> None:
    code, out = invoke("plan", "--baseline", "0.19", "--target", "0.272", "--replicates", "2", "--tasks", "601",
                       "--throughput", "600", "--json")
    assert code == 0, out
    data = json.loads(out)
    expected = plan_tasks(0.19, 0.272, tasks=601, replicates=2, family=data["family"],
                          conditions=data["conditions"], throughput_per_hour=600)
    assert data["tasks_needed"] == expected.tasks_needed and data["power"] == expected.power
    assert data["family"] == 7 and data["judge"] == "code-exec"  # code-security's matched triggers, primary judge
    assert (data["sensitivity"], data["specificity"]) == JUDGE_ERROR["code-exec"]
    assert data["generations_needed"] == data["tasks_needed"] * 2 * data["conditions"]
    assert data["wall_hours"] == data["generations"] / 600
    code, text = invoke("plan", "--baseline", "0.19", "--target", "0.272", "--family", "3", "--conditions", "7")
    assert code == 0 and "tasks needed:" in text and "3 confirmatory contrast(s)" in text


def test_plan_with_the_static_judge_needs_more_tasks() -> None:
    args = ("plan", "--baseline", "0.19", "--target", "0.272", "--replicates", "2", "--json")
    exec_plan = json.loads(invoke(*args)[1])
    code, out = invoke(*args, "--judge", "static")
    assert code == 0, out
    static = json.loads(out)
    assert (static["sensitivity"], static["specificity"]) == JUDGE_ERROR["static"] == (0.85, 0.94)
    assert static["attenuation"] < exec_plan["attenuation"] and static["tasks_needed"] > exec_plan["tasks_needed"]


def test_plan_of_the_standard_profile() -> None:
    """The profile's replicates and its conditions (7 sensitive + their controls + baseline) set the cost."""
    code, out = invoke("plan", "--baseline", "0.19", "--target", "0.272", "--profile", "standard", "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["replicates"] == 10 and data["family"] == 7
    assert 7 + 7 + 1 <= data["conditions"] < 100  # every matched control, never the full cross
    expected = plan_tasks(0.19, 0.272, tasks=data["tasks"], replicates=10, family=7, conditions=data["conditions"])
    assert data["power"] == expected.power
    code, out = invoke("plan", "--baseline", "0.19", "--target", "0.272", "--profile", "explore", "--json")
    explore = json.loads(out)
    assert explore["replicates"] == 2 and explore["tasks"] == 20  # the profile's task limit


def test_plan_from_run_estimates_the_icc(tmp_path: Path) -> None:
    """A pilot where each task mostly shows the effect or mostly not has a high intra-task correlation."""
    rng = np.random.default_rng(2)
    trials = []
    for i in range(20):
        case = code_case(f"task-{i:02d}", prompt=f"Write function {i}.")
        leaning = rng.random() < 0.5
        for rep in range(4):
            for cond, group in (("baseline", "baseline"), ("tibet-ics", "sensitive"), ("bakery", "neutral_control")):
                vuln = group == "sensitive" and rng.random() < (0.9 if leaning else 0.05)
                trials.append(SynthTrial(case, cond, group, replicate=rep, text="x",
                                         label="vulnerable" if vuln else "secure"))
    run = write_run(tmp_path / "pilot", trials, design=DESIGN)
    code, out = invoke("plan", "--baseline", "0.19", "--target", "0.272", "--from-run", str(run.path), "--json")
    assert code == 0, out
    data = json.loads(out)
    assert 0.5 < data["icc"] < 1 and "code/vulnerable_valid/tibet-ics~bakery" in data["icc_from_run"]
    code, out = invoke("plan", "--baseline", "0.19", "--target", "0.272", "--from-run", str(tmp_path / "none"))
    assert code != 0 and "--from-run" in out
