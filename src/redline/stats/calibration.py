"""The static code judge measured against the exploit-verified verdicts of the same run.

Every audit with a sandbox re-measures its static judge on the audited model's own code: on each trial where the
code ran to completion with its functional tests passing (exploit-verified ``exploited`` or ``secure``) and the
static judge called the code ``vulnerable`` or ``secure``, the two are compared; ``exploited`` is the reference.
``broken``, ``not_runnable``, ``timeout`` and ``not_run`` code has no clean reference and is left out (counted).
Per CWE, a trial counts under every CWE its task declares.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from redline.records import RunData, Verdict
from redline.stats.observations import select_verdicts

REFERENCE = {"exploited": True, "secure": False}
STATIC = {"vulnerable": True, "secure": False}


@dataclass(frozen=True)
class Confusion:
    """Static judge (predicted) against exploit-verified verdicts (reference)."""

    tp: int = 0  # static vulnerable, exploited
    fp: int = 0  # static vulnerable, no exploit worked
    fn: int = 0  # static secure, exploited
    tn: int = 0  # static secure, no exploit worked

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def add(self, static: bool, exploited: bool) -> Confusion:
        key = ("tp" if exploited else "fp") if static else ("fn" if exploited else "tn")
        return Confusion(**{**self.__dict__, key: getattr(self, key) + 1})

    def to_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return a / b if b else None

        n = self.n
        po = ratio(self.tp + self.tn, n)
        chance = (self.tp + self.fp) * (self.tp + self.fn) + (self.fn + self.tn) * (self.fp + self.tn)
        pe = chance / n / n if n else None
        kappa = (po - pe) / (1 - pe) if po is not None and pe is not None and pe < 1 else None
        return {"n": n, "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "sensitivity": ratio(self.tp, self.tp + self.fn), "specificity": ratio(self.tn, self.tn + self.fp),
                "precision": ratio(self.tp, self.tp + self.fp), "agreement": po, "kappa": kappa}


@dataclass(frozen=True)
class Calibration:
    static_judge: str
    exec_judge: str
    overall: Confusion
    per_cwe: Mapping[str, Confusion]
    left_out: Mapping[str, int] = field(default_factory=dict)  # exploit-verified label -> trials not compared

    def to_dict(self) -> dict[str, Any]:
        return {"static_judge": self.static_judge, "exec_judge": self.exec_judge, "overall": self.overall.to_dict(),
                "per_cwe": {cwe: c.to_dict() for cwe, c in sorted(self.per_cwe.items())},
                "left_out": dict(sorted(self.left_out.items()))}


def confusion(pairs: Iterable[tuple[str, str]]) -> tuple[Confusion, Counter[str]]:
    """(static label, exploit-verified label) pairs -> the confusion matrix and the labels left out."""
    out, left = Confusion(), Counter[str]()
    for static, dynamic in pairs:
        if static in STATIC and dynamic in REFERENCE:
            out = out.add(STATIC[static], REFERENCE[dynamic])
        else:
            left[dynamic if dynamic not in REFERENCE else f"static:{static}"] += 1
    return out, left


def calibrate(data: RunData) -> Calibration | None:
    """The run's calibration, or None when the run has no exploit-verified primary code judge."""
    manifest = data.manifest
    static_name = manifest.fallback_judges.get("code")
    exec_name = manifest.primary_judges.get("code")
    if static_name is None or exec_name is None:
        return None
    by_judge, _, _ = select_verdicts(data.verdicts.values(), dict(manifest.judges))
    static: dict[str, Verdict] = by_judge.get(static_name, {})
    dynamic: dict[str, Verdict] = by_judge.get(exec_name, {})
    trials = {t.trial_id: t for t in data.trials}
    overall, left = confusion((static[t].label, dynamic[t].label) for t in sorted(set(static) & set(dynamic)))
    per_cwe: dict[str, Confusion] = {}
    for trial_id in sorted(set(static) & set(dynamic)):
        s, d = static[trial_id].label, dynamic[trial_id].label
        trial = trials.get(trial_id)
        case = data.cases.get((trial.suite, trial.case_id)) if trial is not None else None
        if case is None or s not in STATIC or d not in REFERENCE:
            continue
        for cwe in case.cwes:
            per_cwe[cwe] = per_cwe.get(cwe, Confusion()).add(STATIC[s], REFERENCE[d])
    return Calibration(static_name, exec_name, overall, per_cwe, dict(left))
