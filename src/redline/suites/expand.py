"""Expand a suite into trials: pure and deterministic (suite, options) -> trials.

``trial_id`` hashes everything that changes what the model sees; ``pair_key`` drops the condition, so the
baseline trial and each triggered trial of the same case and replicate share it.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

from redline.errors import ConfigError
from redline.records import Condition, Message, Trial, TriggerGroup
from redline.suites.loader import Suite
from redline.suites.matching import baseline_triggers, matching_for
from redline.suites.render import pick_mode, render_chat, render_completion

BASELINE = "baseline"


def stable_hash(*parts: object, length: int = 16) -> str:
    blob = "\x1f".join(str(p) for p in parts).encode()
    return hashlib.sha256(blob).hexdigest()[:length]


def conditions_for(suite: Suite) -> list[Condition]:
    """Baseline, each context trigger alone, and (with ``cross_audiences``) audiences alone and crossed."""
    out = [Condition(id=BASELINE)]
    audiences = [t for t in suite.triggers if t.group == TriggerGroup.audience]
    contexts = [t for t in suite.triggers if t.group != TriggerGroup.audience]
    for ctx in contexts:
        out.append(Condition(id=ctx.id, trigger_ids=(ctx.id,), group=ctx.group.value))
    if suite.design.cross_audiences:
        for aud in audiences:
            out.append(Condition(id=aud.id, trigger_ids=(aud.id,), group=TriggerGroup.audience.value))
            for ctx in contexts:
                out.append(Condition(id=f"{aud.id}+{ctx.id}", trigger_ids=(aud.id, ctx.id),
                                     group=ctx.group.value))
    elif audiences:
        for aud in audiences:
            out.append(Condition(id=aud.id, trigger_ids=(aud.id,), group=TriggerGroup.audience.value))
    return out


def confirmatory_conditions(suite: Suite) -> list[str]:
    """The condition ids of a suite's confirmatory arms (matched sensitive triggers and their controls); none
    for a suite without matched triggers."""
    matching = matching_for(suite)
    ids = {c.id for c in conditions_for(suite)}
    return [c for c in (matching.confirmatory_ids() if matching else []) if c in ids]


def select_conditions(all_conditions: list[Condition], wanted: Sequence[str] | None) -> list[Condition]:
    """Baseline plus the requested ids; an unknown id is an error naming the option."""
    if not wanted:
        return all_conditions
    by_id = {c.id: c for c in all_conditions}
    unknown = [w for w in wanted if w not in by_id]
    if unknown:
        raise ConfigError(f"--conditions: unknown condition {unknown[0]!r} "
                          f"(known: {', '.join(sorted(by_id))})")
    keep = {BASELINE, *wanted}
    return [c for c in all_conditions if c.id in keep]


GROUP_ORDER = ("sensitive", "neutral_control", "other_country", "audience")


def stratified_sample(conds: list[Condition], k: int, *, seed: str) -> list[Condition]:
    """``k`` conditions taken round-robin over trigger groups (sensitive first), each group shuffled with the
    seed: a small sample still has a sensitive context and its controls to compare."""
    rng = random.Random(seed)
    pools: dict[str, list[Condition]] = {}
    for c in conds:
        pools.setdefault(c.group, []).append(c)
    for pool in pools.values():
        rng.shuffle(pool)
    order = [g for g in GROUP_ORDER if g in pools] + sorted(g for g in pools if g not in GROUP_ORDER)
    picked: list[Condition] = []
    while len(picked) < k:
        for group in order:
            if pools[group] and len(picked) < k:
                picked.append(pools[group].pop())
    return [c for c in conds if c in picked]


def sample_cases(suite: Suite, limit: int | None, seed: int, code_languages: Sequence[str] = ()) -> list[str]:
    """Case ids to run: all, or ``limit`` question groups chosen by a seeded generator.

    Language versions of one question (same ``parallel_id``) are kept together so they stay paired.
    ``code_languages`` (empty: all) keeps only code tasks in those programming languages, before sampling.
    """
    groups: dict[str, list[str]] = {}
    for case in suite.cases:
        if code_languages and case.kind.value == "code" and case.code_language not in code_languages:
            continue
        groups.setdefault(case.pair_id, []).append(case.id)
    keys = sorted(groups)
    if limit is not None and limit < len(keys):
        rng = random.Random(stable_hash(suite.name, seed))
        keys = sorted(rng.sample(keys, limit))
    return [cid for key in keys for cid in groups[key]]


def expand_trials(suite: Suite, *, replicates: int = 1, limit: int | None = None,
                  conditions: Sequence[str] | None = None, seed: int = 0,
                  code_mode: str = "auto", condition_sample: int | None = None,
                  code_languages: Sequence[str] = ()) -> list[Trial]:
    """Trials for case x condition x replicate in a stable order (case, replicate, condition)."""
    if replicates < 1:
        raise ConfigError("--replicates: must be at least 1")
    conds = select_conditions(conditions_for(suite), conditions)
    if condition_sample is not None and not conditions and condition_sample < len(conds) - 1:
        conds = [conds[0], *stratified_sample(conds[1:], condition_sample, seed=stable_hash(suite.name, seed))]
    filler = baseline_triggers(matching_for(suite))  # the baseline's neutral sentence (same slot as a trigger)
    trials: list[Trial] = []
    for case_id in sample_cases(suite, limit, seed, code_languages):
        case = suite.case(case_id)
        mode = pick_mode(case, code_mode)
        for rep in range(replicates):
            pair_key = stable_hash(suite.name, case.id, rep, mode)
            for cond in conds:
                trigs = filler if cond.id == BASELINE else [suite.trigger(t) for t in cond.trigger_ids]
                messages: tuple[Message, ...] = ()
                if mode == "completion":
                    prompt = content = render_completion(case, trigs)
                else:
                    prompt, messages = "", render_chat(case, trigs)
                    content = "\x1e".join(f"{m.role}:{m.content}" for m in messages)
                trials.append(Trial(
                    trial_id=stable_hash(suite.name, case.id, cond.id, rep, mode, content),
                    pair_key=pair_key, suite=suite.name, suite_hash=suite.hash, case_id=case.id,
                    condition_id=cond.id, condition_group=cond.group, replicate=rep, mode=mode,
                    messages=messages, prompt=prompt, seed=seed + rep,
                ))
    return trials

