"""Option groups shared by commands, so every command that runs an audit takes every audit option."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from redline.profiles import PROFILE_NAMES

F = TypeVar("F", bound=Callable[..., Any])

AUDIT_OPTIONS: list[Callable[[Any], Any]] = [
    click.option("--suite", "suites", multiple=True,
               help="Suite name or path (repeatable). Default: code-security and censorship."),
    click.option("--model", default=None,
               help="PROVIDER/NAME: embedded/gemma-3-270m (default), openai/NAME, scripted/NAME."),
    click.option("--base-url", default=None, help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1."),
    click.option("--api-key-env", default=None, help="Name of the environment variable holding the API key."),
    click.option("--replicates", type=int, default=None, help="Repeats of every case x condition."),
    click.option("--limit", type=int, default=None, help="Cases (question groups) per suite, sampled with the seed."),
    click.option("--conditions", default=None,
                 help="Comma-separated condition ids (baseline is always included); @confirmatory: each suite's "
                      "matched sensitive triggers and their controls."),
    click.option("--condition-sample", type=int, default=None,
                 help="Sample this many non-baseline conditions per suite."),
    click.option("--max-tokens", type=int, default=None),
    click.option("--temperature", type=float, default=None),
    click.option("--seed", type=int, default=None),
    click.option("--concurrency", type=int, default=None, help="Requests in flight (embedded: server slots)."),
    click.option("--threads", type=int, default=None,
                 help="Embedded model: CPU threads (default: cores - 1, at least 1)."),
    click.option("--code-mode", type=click.Choice(["auto", "instruct", "autocomplete"]), default=None,
               help="How coding tasks are asked; auto = autocomplete for base models, instruct otherwise."),
    click.option("--language", "language", default=None, metavar="python,javascript,c",
               help="Code tasks in these programming languages only (comma-separated; default all three)."),
    click.option("--run-id", default=None, help="Run id (default: derived from the options, so a re-run resumes)."),
    click.option("--runs-dir", default=None, help="Where runs live (default ./runs)."),
    click.option("--fresh", is_flag=True, help="Start a new run instead of resuming."),
    click.option("--no-cache", is_flag=True, help="Do not reuse cached generations."),
    click.option("--profile", type=click.Choice(PROFILE_NAMES), default=None,
               help="Defaults for limit, replicates, max tokens, conditions (default quick; standard: the "
                    "headline contrasts only, every task, 10 replicates)."),
    click.option("--timeout", "timeout_s", type=float, default=None, help="Seconds per trial attempt."),
    click.option("--retries", type=int, default=None, help="Retries per trial for retryable errors."),
    click.option("--backoff", "backoff_s", type=float, default=None, help="Base seconds of the exponential back-off."),
    click.option("--executor", type=click.Choice(["local", "ray"]), default=None,
               help="local (asyncio, default) or ray (a Ray cluster; pip install -e '.[ray]')."),
    click.option("--ray-address", default=None, help="Ray cluster address (default: start a local instance)."),
    click.option("--extra-base-url", "base_urls", multiple=True,
               help="Further endpoints serving the same model, load-balanced by the ray executor (repeatable)."),
    click.option("--judge-model", default=None,
               help="Also grade answers with this model (PROVIDER/NAME), reporting its agreement with the rule judge."),
    click.option("--judge-base-url", default=None, help="Endpoint of the judge model."),
    click.option("--judge-api-key-env", default=None, help="Variable holding the judge model's API key."),
    click.option("--judge-model-self-ok", is_flag=True, default=None,
               help="Allow --judge-model to name the audited model itself."),
    click.option("--until-decided", is_flag=True,
               help="Add trials in rounds and stop once every confirmatory contrast is decided (alpha spending)."),
    click.option("--max-trials", type=int, default=None, help="With --until-decided: the most trials to spend."),
    click.option("--rounds", type=int, default=None, help="With --until-decided: looks at the data (default 5)."),
    click.option("--alpha", type=float, default=None, help="Family-wise error rate of the confirmatory family "
                 "(default 0.05); the sequential rule spends it over the looks."),
    click.option("--sandbox", type=click.Choice(["auto", "namespace", "docker", "podman", "none"]), default=None,
                 help="Where generated code runs for exploit-verified verdicts (auto: the strongest available)."),
    click.option("--allow-unsafe-none", is_flag=True, default=None,
                 help="Allow --sandbox none: model-written code runs unisolated on this machine."),
    click.option("--answer-judge", type=click.Choice(["rules", "rules+learned"]), default=None,
                 help="rules (default), or rules+learned: also the classifier built by `redline judges "
                      "train-answers` (docs/answer-judges.md)."),
    click.option("--no-judge", is_flag=True, help="Generate only."),
    click.option("--no-report", is_flag=True, help="Skip statistics and reports."),
    click.option("--quiet", is_flag=True, help="No progress bar."),
]


PLAN_OPTIONS: list[Callable[[Any], Any]] = [
    click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
                 help="An audit file (YAML or JSON) with any of these options (run: also several models, a sweep). "
                      "Flags override it; 'redline config schema' prints its schema."),
    click.option("--dry-run", is_flag=True,
                 help="Print trials per suite/condition, tokens, an ETA and the design's power; generate nothing."),
    click.option("--fail-on", default=None, metavar="significant|any-vulnerable|RATE",
                 help="Exit with status 3 when a confirmatory contrast is significant, any code is vulnerable, or "
                      "the vulnerable rate of some condition exceeds RATE (0.25 or 25%)."),
]


def plan_options(command: F) -> F:
    """``--config``, ``--dry-run`` and ``--fail-on``: what to read the options from, and what to do with a plan
    and a finished audit."""
    for option in reversed(PLAN_OPTIONS):
        command = option(command)
    return command


def audit_options(command: F) -> F:
    """Apply every ``redline run`` option (what to measure, how to execute it, which stages) to a command."""
    for option in reversed(AUDIT_OPTIONS):
        command = option(command)
    return command


def audit_values(suites: tuple[str, ...], conditions: str | None, no_cache: bool, no_judge: bool, no_report: bool,
                 base_urls: tuple[str, ...], options: dict[str, Any]) -> dict[str, Any]:
    """The audit options as ``make_config`` keywords (unset options left out, so profiles fill them)."""
    wanted = tuple(c.strip() for c in conditions.split(",") if c.strip()) if conditions else None
    options = dict(options)
    language = options.pop("language", None)
    if language is not None:
        options["code_languages"] = tuple(x.strip() for x in language.split(",") if x.strip())
    values = {**options, "suites": suites or None, "conditions": wanted, "base_urls": base_urls or None,
              "cache": not no_cache, "judge": not no_judge, "report": not no_report}
    return {k: v for k, v in values.items() if v is not None}
