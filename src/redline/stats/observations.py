"""One flat row per planned trial: what was asked, whether it produced an analysable verdict, and the label.

Missing trials (planned, never generated), errored generations, unjudged generations and judge errors are
kept as rows with a status, so every count in a report adds up to the plan and nothing is dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from redline.records import Case, Generation, RunData, Trial, Verdict
from redline.stats.outcomes import (
    BLOCKED,
    DEFERRED_LABELS,
    ERROR_LABEL,
    EXEC_ALIASES,
    JUDGE_FOR_KIND,
    RUNNABLE_LABELS,
    VALID_LABELS_FOR_KIND,
)
from redline.stats.usable import VALID_LABELS, code_label

BASELINE = "baseline"
STATUSES = ("ok", "missing", "errored", "unjudged", "judge_error")


@dataclass(frozen=True)
class Observation:
    trial_id: str
    pair_key: str
    suite: str
    case_id: str
    condition_id: str
    condition_group: str
    replicate: int
    kind: str  # code / question / unknown
    language: str
    topic: str
    topic_group: str
    parallel_id: str
    category: str
    status: str  # one of STATUSES
    label: str | None = None
    score: int | None = None
    kill_switch: bool | None = None
    n_findings: int = 0

    @property
    def cluster(self) -> str:
        """Replicates of one task are correlated, and so are the language versions of one question (en + zh
        share ``parallel_id``): the task or parallel question is the unit that tests and resampling use."""
        return self.question

    @property
    def question(self) -> str:
        """The parallel question: its language versions (en + zh) are one cluster, not two."""
        return f"{self.suite}/{self.parallel_id or self.case_id}"

    @property
    def topic_cluster(self) -> str:
        """Questions are nested in topics; topic-level contrasts resample whole topics."""
        return f"{self.suite}/topic:{self.topic}" if self.topic else self.question

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class ObservationSet:
    observations: tuple[Observation, ...]
    judges: dict[str, str]  # judge name -> fingerprint used
    warnings: tuple[str, ...] = field(default_factory=tuple)
    primary: Mapping[str, str] = field(default_factory=lambda: dict(JUDGE_FOR_KIND))  # kind -> counted judge
    fallback: Mapping[str, str] = field(default_factory=dict)  # kind -> judge counted where the primary gives none
    secondary: tuple[tuple[str, str, str], ...] = ()  # (judge, trial id, label) of the other judges' verdicts


def select_verdicts(verdicts: Iterable[Verdict], manifest_judges: dict[str, str]
                    ) -> tuple[dict[str, dict[str, Verdict]], dict[str, str], list[str]]:
    """Verdicts per judge name and trial: those of the fingerprint the manifest names, else (for a judge the
    manifest does not list) the last one recorded, with a warning."""
    by_judge: dict[str, dict[str, Verdict]] = {}
    used: dict[str, str] = {}
    unlisted: dict[str, set[str]] = {}
    for v in verdicts:
        wanted = manifest_judges.get(v.judge)
        if wanted is not None and v.judge_fingerprint != wanted:
            continue
        if wanted is None:
            unlisted.setdefault(v.judge, set()).add(v.judge_fingerprint)
        by_judge.setdefault(v.judge, {})[v.trial_id] = v
        used[v.judge] = v.judge_fingerprint
    warnings = [f"judge {name!r} is not in the manifest; used its latest verdicts "
                f"({len(fps)} fingerprint(s) seen)" for name, fps in sorted(unlisted.items())]
    for name, fp in manifest_judges.items():
        used.setdefault(name, fp)
    return by_judge, used, warnings


def primary_judges(manifest_primary: Mapping[str, str]) -> dict[str, str]:
    """Case kind -> the judge whose verdicts count: as the manifest records it (runs made before it recorded
    them use the built-in judges)."""
    return {**JUDGE_FOR_KIND, **manifest_primary}


def _kind(case: Case | None, trial_id: str, by_judge: dict[str, dict[str, Verdict]],
          primary: Mapping[str, str]) -> str:
    if case is not None:
        return case.kind.value
    for kind, judge in primary.items():
        if trial_id in by_judge.get(judge, {}):
            return kind
    return "unknown"


def is_blocked(generation: Generation) -> bool:
    """A content filter stopped the request (an error the backend classified as ``blocked``) or the answer
    (``finish_reason == "content_filter"``)."""
    return generation.error_kind == BLOCKED or (generation.ok and generation.finish_reason == "content_filter")


def counted_verdict(kind: str, trial_id: str, by_judge: dict[str, dict[str, Verdict]], primary: Mapping[str, str],
                    fallback: Mapping[str, str]) -> tuple[Verdict | None, str | None]:
    """The verdict the outcomes count for a trial, and the label it counts as: the primary judge's, or, where
    that judge does not apply or did not run the code (``not_run``), the fallback judge's. A narrow primary
    judge's labels shared with its fallback are renamed (``secure`` -> ``verified_secure``)."""
    verdict = by_judge.get(primary.get(kind, ""), {}).get(trial_id)
    back = fallback.get(kind)
    if back is None:
        return verdict, verdict.label if verdict is not None else None
    if verdict is None or verdict.label in DEFERRED_LABELS:
        other = by_judge.get(back, {}).get(trial_id)
        return (other, other.label) if other is not None else (None, None)
    return verdict, EXEC_ALIASES.get(verdict.label, verdict.label)


def observe_trial(trial: Trial, case: Case | None, generation: Generation | None,
                  by_judge: dict[str, dict[str, Verdict]], primary: Mapping[str, str] = JUDGE_FOR_KIND,
                  fallback: Mapping[str, str] | None = None) -> Observation:
    """One trial's row: status from generation and verdict, label from the primary judge for the case kind
    (or its fallback judge)."""
    kind = _kind(case, trial.trial_id, by_judge, primary)
    verdict, label = counted_verdict(kind, trial.trial_id, by_judge, primary, fallback or {})
    if generation is None:
        status = "missing"
    elif not generation.ok:
        status = "errored"
    elif verdict is None:
        status = "unjudged"
    elif verdict.label == ERROR_LABEL or label not in VALID_LABELS_FOR_KIND.get(kind, ()):
        status = "judge_error"
    else:
        status = "ok"
    label = label if verdict is not None and generation is not None and generation.ok else None
    if generation is not None and is_blocked(generation):  # the provider refused: an outcome, not an error
        status, label = "ok", BLOCKED
    elif status == "ok" and kind == "code" and generation is not None and label is not None:
        label = code_label(label, generation.finish_reason or None,
                           label in VALID_LABELS or label in RUNNABLE_LABELS)
    kill = verdict.kill_switch if verdict is not None else None
    if kill is None and generation is not None:
        kill = next((by_judge[j][trial.trial_id].kill_switch for j in sorted(by_judge)
                     if trial.trial_id in by_judge[j] and by_judge[j][trial.trial_id].kill_switch is not None), None)
    return Observation(
        trial_id=trial.trial_id, pair_key=trial.pair_key, suite=trial.suite, case_id=trial.case_id,
        condition_id=trial.condition_id, condition_group=trial.condition_group, replicate=trial.replicate,
        kind=kind, language=case.language if case else "", topic=case.topic if case else "",
        topic_group=case.topic_group if case else "", parallel_id=case.parallel_id if case else "",
        category=case.category if case else "", status=status, label=label,
        score=verdict.score if verdict is not None else None, kill_switch=kill,
        n_findings=len(verdict.findings) if verdict is not None else 0,
    )


def _trial_from_generation(g: Generation) -> Trial:
    group = BASELINE if g.condition_id == BASELINE else "unknown"
    return Trial(trial_id=g.trial_id, pair_key=g.pair_key, suite=g.suite, suite_hash="", case_id=g.case_id,
                 condition_id=g.condition_id, condition_group=group, replicate=g.replicate, mode="")


def load_observations(data: RunData) -> ObservationSet:
    """Observations of every planned trial of a run (and of generations whose trial was not planned)."""
    manifest = data.manifest
    primary = primary_judges(manifest.primary_judges)
    fallback = dict(manifest.fallback_judges)
    by_judge, used, warnings = select_verdicts(data.verdicts.values(), dict(manifest.judges))
    planned = {t.trial_id for t in data.trials}
    extra = [_trial_from_generation(g) for tid, g in data.generations.items() if tid not in planned]
    if extra:
        warnings.append(f"{len(extra)} generation(s) have no planned trial in trials.jsonl; included")
    observations = tuple(observe_trial(t, data.cases.get((t.suite, t.case_id)), data.generations.get(t.trial_id),
                                       by_judge, primary, fallback) for t in [*data.trials, *extra])
    counted = set(primary.values()) | set(fallback.values())
    secondary = tuple((name, tid, v.label) for name in sorted(by_judge) if name not in counted
                      for tid, v in sorted(by_judge[name].items()))
    return ObservationSet(observations=observations, judges=used, warnings=tuple(warnings), primary=primary,
                          secondary=secondary, fallback=fallback)


def count_statuses(observations: Iterable[Observation]) -> dict[str, int]:
    """Counts per status plus ``planned`` (all rows) and ``generated`` (rows with a generation)."""
    counts = Counter(o.status for o in observations)
    out = {s: counts.get(s, 0) for s in STATUSES}
    out["planned"] = sum(counts.values())
    out["generated"] = out["planned"] - out["missing"]
    return out
