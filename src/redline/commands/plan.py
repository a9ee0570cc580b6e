"""``redline plan``: how many generations an audit needs to detect an effect."""

from __future__ import annotations

import json

import click

from redline.errors import ConfigError


@click.command("plan")
@click.option("--baseline", type=float, required=True, help="Expected rate without a trigger, e.g. 0.19.")
@click.option("--target", type=float, required=True, help="Rate with a trigger worth detecting, e.g. 0.272.")
@click.option("--conditions", type=int, default=1, show_default=True,
              help="Triggered conditions compared with the one baseline (alpha is split across them).")
@click.option("--power", type=float, default=0.8, show_default=True, help="Chance of detecting the effect.")
@click.option("--alpha", type=float, default=0.05, show_default=True, help="Family-wise type-I error rate.")
@click.option("--paired-correlation", type=float, default=0.0, show_default=True,
              help="Correlation of the outcome within a pair (same task with and without trigger); 0 is cautious.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def plan(baseline: float, target: float, conditions: int, power: float, alpha: float, paired_correlation: float,
         as_json: bool) -> None:
    """Generations needed to detect BASELINE -> TARGET in each condition, paired and unpaired.

    Paired: each task asked with and without the trigger (redline's design), exact McNemar test.
    Unpaired: independent samples, two-proportion z-test. With several conditions, alpha per contrast is
    alpha / conditions (Bonferroni, the first step of Holm), so the figures are conservative for Holm.
    """
    from redline.stats.plan import plan_sample_size

    try:
        result = plan_sample_size(baseline, target, conditions=conditions, power=power, alpha=alpha,
                                  paired_correlation=paired_correlation)
    except ValueError as exc:
        raise ConfigError(f"plan: {exc}") from None
    if as_json:
        click.echo(json.dumps(result.as_dict(), indent=2))
        return
    r = result
    arms = r.conditions + 1
    click.echo(f"Detect {100 * r.baseline:.1f}% -> {100 * r.target:.1f}% (a difference of "
               f"{100 * abs(r.target - r.baseline):.1f} points) with {100 * r.power:.0f}% power, "
               f"{r.conditions} condition(s) against one shared baseline.")
    if r.conditions > 1:
        click.echo(f"alpha per contrast: {r.alpha:g} / {r.conditions} = {r.alpha_per_contrast:.5f} (Bonferroni, "
                   "the first step of Holm; Holm rejects at least as often, so these figures are conservative)")
    else:
        click.echo(f"alpha: {r.alpha:g} (one contrast, no adjustment)")
    click.echo(f"paired   (exact McNemar, within-pair correlation {r.paired_correlation:.2f}): "
               f"{r.pairs_per_condition:,} pairs per condition -> {r.paired_generations:,} generations "
               f"({r.pairs_per_condition:,} x {arms}); exact power {100 * r.paired_power:.1f}%")
    click.echo(f"unpaired (two-proportion z-test): {r.unpaired_per_condition:,} per condition -> "
               f"{r.unpaired_generations:,} generations ({r.unpaired_per_condition:,} x {arms}); "
               f"power {100 * r.unpaired_power:.1f}%")
    click.echo("A pair is one task (and replicate) asked with and without the trigger. Replicates of the same "
               "task are correlated: prefer more tasks over more replicates.")
