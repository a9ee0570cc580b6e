"""``redline plan``: how many tasks (and generations, and hours) an audit needs to detect an effect."""

from __future__ import annotations

import json
from typing import Any

import click

from redline.errors import ConfigError
from redline.profiles import PROFILE_NAMES

DEFAULT_SUITE = "code-security"


def suite_defaults(name: str) -> tuple[int, int, int]:
    """(code tasks, sensitive triggers with a matched control, conditions per task) of a shipped suite."""
    from redline.records import TriggerGroup
    from redline.suites.expand import conditions_for
    from redline.suites.loader import resolve_suite
    from redline.suites.matching import matching_for

    suite = resolve_suite(name)
    matching = matching_for(suite)
    sensitive = [t.id for t in suite.triggers if t.group == TriggerGroup.sensitive]
    family = sum(bool(matching.controls_of(s)) for s in sensitive) if matching else len(sensitive)
    return (sum(c.kind.value == "code" for c in suite.cases), max(1, family), len(conditions_for(suite)))


def confirmatory_condition_count(name: str) -> int:
    """Conditions a ``--profile standard`` run asks each task: the confirmatory arms plus the baseline."""
    from redline.suites.expand import confirmatory_conditions
    from redline.suites.loader import resolve_suite

    return 1 + len(confirmatory_conditions(resolve_suite(name)))


def icc_from_run(path: str) -> tuple[float, dict[str, float]]:
    """The intra-task correlation of a pilot run's confirmatory contrasts (mean over those estimable: with
    replicates and at least one discordant pair)."""
    from pathlib import Path

    from redline.stats.plan_tasks import estimate_icc
    from redline.stats.sequential_run import confirmatory_sums
    from redline.store.run_dir import RunDir

    run = RunDir(Path(path))
    if not run.exists():
        raise ConfigError(f"--from-run: no run at {path}")
    per = {name: estimate_icc(sums) for name, sums in confirmatory_sums(run.load()).items()
           if sums.k >= 2 and sums.pairs > sums.k and float((sums.b + sums.c).sum()) > 0}
    if not per:
        raise ConfigError(f"--from-run: {path} has no confirmatory contrast with replicates to estimate the ICC from")
    return min(0.99, sum(per.values()) / len(per)), per  # the planner needs ICC < 1


@click.command("plan")
@click.option("--baseline", type=float, required=True, help="Expected rate in the control arm, e.g. 0.19.")
@click.option("--target", type=float, required=True, help="Rate with the sensitive trigger worth detecting.")
@click.option("--tasks", type=int, default=None, help="Tasks available (default: the code-security suite's).")
@click.option("--replicates", type=int, default=None, help="Replicates per task and condition (default 1, or the "
              "profile's).")
@click.option("--profile", type=click.Choice(PROFILE_NAMES), default=None,
              help="Plan a run profile: its replicates, its task limit and its conditions (standard: the matched "
                   "sensitive triggers, their controls and the baseline).")
@click.option("--icc", type=float, default=None,
              help="Intra-task correlation of replicates' paired differences (default 0.1, or --from-run's).")
@click.option("--from-run", "from_run", default=None, help="Estimate the ICC from this pilot run directory.")
@click.option("--judge", "judge", type=click.Choice(["code-exec", "static"]), default="code-exec", show_default=True,
              help="Whose measured sensitivity and specificity to assume: the exploit-verified judge (the primary "
                   "code outcome) or the static judge.")
@click.option("--sensitivity", type=float, default=None, help="Judge sensitivity (default: --judge's measured one).")
@click.option("--specificity", type=float, default=None, help="Judge specificity (default: --judge's measured one).")
@click.option("--family", type=int, default=None,
              help="Confirmatory contrasts sharing alpha (default: code-security's matched sensitive triggers).")
@click.option("--conditions", type=int, default=None,
              help="Conditions generated per task, for the cost (default: all of code-security's).")
@click.option("--throughput", type=float, default=None, help="Generations per hour, for the wall time.")
@click.option("--power", type=float, default=0.8, show_default=True, help="Chance of detecting the effect.")
@click.option("--alpha", type=float, default=0.05, show_default=True, help="Family-wise type-I error rate.")
@click.option("--paired-correlation", type=float, default=0.0, show_default=True,
              help="Correlation of the outcome within a pair (control and sensitive arm of one task); 0 is cautious.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def plan(baseline: float, target: float, tasks: int | None, replicates: int | None, profile: str | None,
         icc: float | None, from_run: str | None, judge: str, sensitivity: float | None, specificity: float | None,
         family: int | None, conditions: int | None, throughput: float | None, power: float, alpha: float,
         paired_correlation: float, as_json: bool) -> None:
    """Tasks needed to detect BASELINE -> TARGET (control vs sensitive arm) in each confirmatory contrast.

    The analysis is the paired t-test on per-task sums (tasks are the unit; replicates of one task are
    correlated by ICC), after the judge's misclassification, at alpha / family (Bonferroni, the first step of
    Holm). Answers in tasks, generations (tasks x replicates x conditions) and hours at a throughput.
    """
    from redline.profiles import CONFIRMATORY_CONDITIONS, PROFILES
    from redline.stats.plan import plan_sample_size
    from redline.stats.plan_tasks import DEFAULT_ICC, JUDGE_ERROR, plan_tasks

    suite_tasks, suite_family, suite_conditions = suite_defaults(DEFAULT_SUITE)
    if profile:
        chosen = PROFILES[profile]
        replicates = replicates or chosen.get("replicates", 1)
        if chosen.get("limit"):
            suite_tasks = min(suite_tasks, chosen["limit"])
        if CONFIRMATORY_CONDITIONS in chosen.get("conditions", ()):
            suite_conditions = confirmatory_condition_count(DEFAULT_SUITE)
    replicates = replicates or 1
    pilot: dict[str, float] = {}
    if from_run:
        estimated, pilot = icc_from_run(from_run)
        icc = estimated if icc is None else icc
    try:
        r = plan_tasks(baseline, target, tasks=tasks or suite_tasks, replicates=replicates,
                       icc=DEFAULT_ICC if icc is None else icc,
                       sensitivity=JUDGE_ERROR[judge][0] if sensitivity is None else sensitivity,
                       specificity=JUDGE_ERROR[judge][1] if specificity is None else specificity,
                       family=family or suite_family, conditions=conditions or suite_conditions, alpha=alpha,
                       power=power, pair_correlation=paired_correlation, throughput_per_hour=throughput)
        pairs = plan_sample_size(baseline, target, conditions=family or suite_family, power=power, alpha=alpha,
                                 paired_correlation=paired_correlation)
    except ValueError as exc:
        raise ConfigError(f"plan: {exc}") from None
    if as_json:
        out: dict[str, Any] = {**r.as_dict(), "judge": judge, "icc_from_run": pilot or None,
                               "independent_pairs_per_contrast": pairs.pairs_per_condition}
        click.echo(json.dumps(out, indent=2))
        return
    click.echo(f"Detect {100 * r.baseline:.1f}% -> {100 * r.target:.1f}% (control -> sensitive arm) with "
               f"{100 * r.target_power:.0f}% power in each of {r.family} confirmatory contrast(s), alpha "
               f"{r.alpha:g} / {r.family} = {r.alpha_per_contrast:.5f} (Bonferroni, the first step of Holm).")
    click.echo(f"judge{'' if sensitivity is not None and specificity is not None else ' ' + judge}: "
               f"sensitivity {r.sensitivity:.2f}, specificity {r.specificity:.2f} -> judged rates "
               f"{100 * r.judged_baseline:.1f}% -> {100 * r.judged_target:.1f}% (the difference shrinks by "
               f"J = {r.attenuation:.2f})")
    source = f" (estimated from {from_run}: {', '.join(f'{k} {v:.3f}' for k, v in pilot.items())})" if pilot else ""
    click.echo(f"replicates: {r.replicates} per task and condition, ICC {r.icc:.3f}{source}, design effect "
               f"{r.design_effect:.2f}; cost: {r.conditions} conditions per task")
    click.echo(f"at {r.tasks:,} tasks: power {100 * r.power:.1f}%, {r.generations:,} generations"
               + (f", {r.wall_hours:.1f} h" if r.wall_hours is not None else ""))
    if r.tasks_needed is None:
        click.echo("tasks needed: more than the planner searches (the effect is too small for this design)")
    else:
        click.echo(f"tasks needed: {r.tasks_needed:,} (power {100 * (r.power_at_needed or 0):.1f}%) -> "
                   f"{r.generations_needed:,} generations ({r.tasks_needed:,} x {r.replicates} x {r.conditions})"
                   + (f", {r.wall_hours_needed:.1f} h at {throughput:g}/h" if r.wall_hours_needed is not None
                      else ""))
    click.echo(f"(the old planner, pairs taken as independent and a perfect judge: "
               f"{pairs.pairs_per_condition:,} pairs per contrast)")
