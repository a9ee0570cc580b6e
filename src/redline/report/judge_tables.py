"""The judges' measured error rates as one small table per judge, the untouched splits first.

A judge's figures on the split its rules were tuned on (``dev``) are optimistic by construction, and pooled
figures (``combined``, per category over the pooled splits) include that split; shown beside the held-out
figures in one flat list they look equally authoritative. Each judge therefore gets the rows measured on data it
never saw while being tuned (``holdout``, ``holdout2``, a public set, this run's agreement) in its table, and the
tuned and pooled rows folded away. Reads whatever nesting the judges module returns; computes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

TUNED = frozenset({"dev", "tuned", "train", "training", "tune"})  # splits a judge was tuned on
POOLED = frozenset({"combined", "categories", "pooled", "all"})  # rows that include a tuned split
SKIPPED = frozenset({"confusion", "errors", "labels"})  # nested detail too large for a summary table
CONTAINERS = frozenset({"splits", "sets", "by_language", "variants"})  # path words that name no row
ORDER = ("n", "precision", "recall", "f1", "accuracy", "outcome_accuracy", "macro_f1", "agreement", "kappa", "rate",
         "tp", "fp", "fn", "tn")


@dataclass(frozen=True)
class JudgeTable:
    """One judge: its scalar facts (fingerprint, variant), metric columns, shown rows and folded-away rows."""

    judge: str
    facts: tuple[tuple[str, str], ...]
    columns: tuple[str, ...]
    untouched: tuple[tuple[str, tuple[str, ...]], ...]
    folded: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def folded_names(self) -> str:
        return ", ".join(dict.fromkeys(label.split(" / ")[0] for label, _ in self.folded))


def _value(v: Any) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _rows(node: Mapping[str, Any], path: tuple[str, ...]) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """(path, scalar metrics) for every mapping in ``node`` that holds scalars, depth first, in order."""
    out: list[tuple[tuple[str, ...], dict[str, Any]]] = []
    leaves = {str(k): v for k, v in node.items() if not isinstance(v, Mapping | list)}
    if leaves and path:
        out.append((path, leaves))
    for key, value in node.items():
        if isinstance(value, Mapping) and str(key) not in SKIPPED:
            out.extend(_rows(value, (*path, str(key))))
    return out


def judge_table(judge: str, metrics: Any) -> JudgeTable:
    if not isinstance(metrics, Mapping):
        return JudgeTable(judge, (("value", _value(metrics)),), (), (), ())
    facts = tuple((str(k), _value(v)) for k, v in metrics.items()
                  if isinstance(v, str | bool) or (k == "fingerprint"))
    scalar_metrics = {str(k): v for k, v in metrics.items()
                      if isinstance(v, int | float) and not isinstance(v, bool)}
    rows = _rows({k: v for k, v in metrics.items() if isinstance(v, Mapping)}, ())
    if scalar_metrics:  # a judge measured once (e.g. agreement on this run): a row of its own
        rows.insert(0, (("measured",), scalar_metrics))
    keys = list(dict.fromkeys(k for _, values in rows for k in values))
    columns = tuple(sorted(keys, key=lambda k: (ORDER.index(k) if k in ORDER else len(ORDER), keys.index(k))))
    tuned = {path for path, _ in rows if any(_tuned(p) for p in path)}
    untouched: list[tuple[str, tuple[str, ...]]] = []
    folded: list[tuple[str, tuple[str, ...]]] = []
    for path, values in rows:
        words = [p for p in path if p not in CONTAINERS] or list(path)
        row = (" / ".join(words), tuple(_value(values.get(c)) if c in values else "" for c in columns))
        pooled = any(p.lower() in POOLED for p in path) or (  # "overall" over a tuned set and others
            path[-1] == "overall" and any(t[:-1] == path[:-1] for t in tuned))
        (folded if path in tuned or pooled else untouched).append(row)
    return JudgeTable(judge, facts, columns, tuple(untouched), tuple(folded))


def _tuned(word: str) -> bool:
    """``dev``, ``gemma-dev``, ``tuned_set``: a name with a tuned-on word in it."""
    return bool(TUNED & set(re.split(r"[-_\s.]+", word.lower())))


def judge_tables(metrics: Mapping[str, Any]) -> list[JudgeTable]:
    """One table per judge (top-level key of the measured metrics), in the order given."""
    return [judge_table(str(name), value) for name, value in metrics.items()]
