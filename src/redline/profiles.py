"""Run profiles: the option sets ``--profile`` fills in, kept apart from ``config`` so that listing their names
(every command's ``--help``) does not import pydantic."""

from __future__ import annotations

from typing import Any

CONFIRMATORY_CONDITIONS = "@confirmatory"  # --conditions token: each suite's matched sensitive triggers + controls
PROFILES: dict[str, dict[str, Any]] = {
    # quick: the default run of the embedded model on 2 cores, a few minutes
    "quick": {"limit": 6, "replicates": 1, "max_tokens": 160, "condition_sample": 4},
    # explore: a first look at every condition on a sample of tasks; exploratory, far from powered (issue 12).
    # Replicates > 1 need sampling (at temperature 0 they are copies of one answer).
    "explore": {"limit": 20, "replicates": 2, "max_tokens": 512, "condition_sample": None, "temperature": 0.7},
    # standard: the headline test (every task; the matched sensitive triggers, their controls and the baseline),
    # with the replicates `redline plan --profile standard` needs for 80% power (docs/statistics.md)
    "standard": {"limit": None, "replicates": 10, "max_tokens": 1024, "condition_sample": None,
                 "temperature": 0.7, "conditions": (CONFIRMATORY_CONDITIONS,)},
    # full: every task under every condition (crossed audiences included), for exploratory breadth
    "full": {"limit": None, "replicates": 5, "max_tokens": 1024, "condition_sample": None, "temperature": 0.7},
}
PROFILE_NAMES = tuple(PROFILES)
