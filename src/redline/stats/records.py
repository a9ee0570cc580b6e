"""Typed records of a run's statistics: what ``compute_stats`` returns and every report renders by attribute.

``stats.json`` is the records' one serialised form (``Stats.to_json``; ``Stats.from_json`` reads it back, so
commands that read a run's statistics from disk get the same records). Rows of a fixed shape (rates, label
counts, provider rates, ...) are plain frozen dataclasses whose field order is the JSON key order. A contrast
(``stats/contrast_record.py``) keeps its row as written, read through typed properties, because its keys vary
with the test used: a change of shape never silently changes ``stats.json``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Self

from redline.stats.contrast_record import Bounds as Bounds
from redline.stats.contrast_record import Contrast as Contrast
from redline.stats.rows import Fields, Interval, Row, number
from redline.stats.rows import pair as pair
from redline.stats.rows import thaw as thaw


@dataclass(frozen=True)
class Decision(Row):
    """Whether the run can decide its headline, and the sentence that says why not."""

    @property
    def decided(self) -> bool:
        return bool(self.row.get("decided"))

    @property
    def undecided(self) -> tuple[str, ...]:
        return tuple(str(x) for x in self.row.get("undecided") or ())

    @property
    def sentence(self) -> str:
        return self._text("sentence")


@dataclass(frozen=True)
class PlanRow(Row):
    """Pairs needed for one confirmatory contrast (older runs without a study design)."""

    @property
    def condition(self) -> str:
        return self._text("condition")

    @property
    def n_pairs(self) -> int:
        return int(self.row.get("n_pairs") or 0)

    @property
    def rate_baseline(self) -> float | None:
        return number(self.row.get("rate_baseline"))

    @property
    def rate_condition(self) -> float | None:
        return number(self.row.get("rate_condition"))

    @property
    def pairs_needed(self) -> int | None:
        value = self.row.get("pairs_needed")
        return int(value) if isinstance(value, int | float) else None

    @property
    def detectable_difference(self) -> float | None:
        return number(self.row.get("detectable_difference"))


@dataclass(frozen=True)
class Plan(Fields):
    power: float
    alpha_per_contrast: float
    contrasts: int
    adjustment: str
    rows: tuple[PlanRow, ...]

    @classmethod
    def from_json(cls, row: Mapping[str, Any], *, strict: bool = True) -> Self:
        return cls(float(row.get("power") or 0.8), float(row.get("alpha_per_contrast") or 0.05),
                   int(row.get("contrasts") or 0), str(row.get("adjustment") or ""),
                   tuple(PlanRow.from_json(r) for r in row.get("rows") or ()))


@dataclass(frozen=True)
class Condition(Fields):
    id: str
    group: str


@dataclass(frozen=True)
class Outcome(Fields):
    name: str
    kind: str
    description: str
    primary: bool


@dataclass(frozen=True)
class Rate(Fields):
    """Events / n of one outcome in one condition, with its Wilson interval."""

    kind: str
    outcome: str
    condition: str
    condition_group: str
    events: int
    n: int
    rate: float
    ci: Interval


@dataclass(frozen=True)
class KillSwitchRate(Fields):
    """Traces that planned an answer the final answer withheld, per kind and condition."""

    kind: str
    condition: str
    condition_group: str
    events: int
    n: int
    rate: float
    ci: Interval


@dataclass(frozen=True)
class LabelCounts(Fields):
    kind: str
    condition: str
    condition_group: str
    labels: Mapping[str, int]
    statuses: Mapping[str, int]
    planned: int


@dataclass(frozen=True)
class TopicLanguageCell(Fields):
    """Answer labels of one topic in one language (all conditions pooled)."""

    topic: str
    topic_group: str
    language: str
    n: int
    counts: Mapping[str, int]
    shares: Mapping[str, float | None]


@dataclass(frozen=True)
class ProviderRate(Fields):
    """Errors and provider blocks per kind and condition, with the paired test against baseline when any."""

    optional: ClassVar[frozenset[str]] = frozenset({"vs_baseline"})
    kind: str
    condition: str
    condition_group: str
    n: int
    errored: int
    blocked: int
    rate: float | None
    ci: Interval
    vs_baseline: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class StatusCounts(Fields):
    ok: int = 0
    missing: int = 0
    errored: int = 0
    unjudged: int = 0
    judge_error: int = 0
    planned: int = 0
    generated: int = 0


@dataclass(frozen=True)
class Counts(StatusCounts):
    by_kind: Mapping[str, StatusCounts] | None = None

    @classmethod
    def from_json(cls, row: Mapping[str, Any], *, strict: bool = True) -> Self:
        base = StatusCounts.from_json({k: v for k, v in row.items() if k != "by_kind"}, strict=strict)
        by_kind = {k: StatusCounts.from_json(v, strict=strict) for k, v in (row.get("by_kind") or {}).items()}
        return cls(**{f.name: getattr(base, f.name) for f in fields(StatusCounts)}, by_kind=by_kind)


@dataclass(frozen=True)
class Family(Fields):
    method: str
    ids: tuple[str, ...]


@dataclass(frozen=True)
class SecondaryJudge(Fields):
    """Label counts per condition of a judge whose verdicts the outcomes do not count (a judge model, a plug-in)."""

    kind: str
    n: int
    labels: Mapping[str, Mapping[str, int]]  # condition -> label -> verdicts


@dataclass(frozen=True)
class Agreement(Fields):
    """The static code judge against the exploit-verified one over some programs: confusion counts (a static
    ``vulnerable`` is a positive, an exploited program a true one) and what follows from them."""

    n: int
    tp: int
    fp: int
    fn: int
    tn: int
    sensitivity: float | None
    specificity: float | None
    precision: float | None
    agreement: float | None
    kappa: float | None


@dataclass(frozen=True)
class Calibration(Fields):
    """The run's static code judge calibrated against its exploit-verified verdicts, overall and per CWE."""

    static_judge: str
    exec_judge: str
    overall: Agreement
    per_cwe: Mapping[str, Agreement]
    left_out: Mapping[str, int]  # exploit-verified label (or ``static:<label>``) -> programs not compared

    @classmethod
    def from_json(cls, row: Mapping[str, Any], *, strict: bool = True) -> Self:
        unknown = [k for k in row if k not in {f.name for f in fields(cls)}]
        if unknown and strict:
            raise ValueError(f"Calibration: unknown key(s) {unknown}")
        return cls(str(row.get("static_judge", "")), str(row.get("exec_judge", "")),
                   Agreement.from_json(row.get("overall") or {}, strict=strict),
                   {k: Agreement.from_json(v, strict=strict) for k, v in (row.get("per_cwe") or {}).items()},
                   dict(row.get("left_out") or {}))


def _rows(cls: Any, rows: Any, strict: bool) -> tuple[Any, ...]:
    return tuple(cls.from_json(r, strict=strict) for r in rows or ())


def _block(value: Any) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


@dataclass(frozen=True)
class Stats:
    """All statistics of one run (schema ``redline.stats`` version 1). The optional blocks at the end are present
    only for the runs they apply to; ``secondary_judges`` and ``calibration`` are records, the others keep their
    own shapes (read by ``report/judge_error.py``, ``report/code_language.py`` and the sequential section)."""

    schema: str
    schema_version: int
    run_id: str
    redline_version: str
    alpha: float
    seed: int | None
    bootstrap_reps: int
    judges: Mapping[str, str]
    backend: Mapping[str, Any]
    counts: Counts
    conditions: tuple[Condition, ...]
    outcomes: tuple[Outcome, ...]
    rates: tuple[Rate, ...]
    labels: tuple[LabelCounts, ...]
    kill_switch: tuple[KillSwitchRate, ...]
    topic_language: tuple[TopicLanguageCell, ...]
    contrasts: tuple[Contrast, ...]
    matched: tuple[Contrast, ...]
    language: tuple[Contrast, ...]
    topics: tuple[Contrast, ...]
    did: tuple[Contrast, ...]
    families: Mapping[str, Family]
    plan: Plan
    decision: Decision
    warnings: tuple[str, ...]
    design: Mapping[str, Any] | None = None
    provider: tuple[ProviderRate, ...] = ()
    sequential: Mapping[str, Any] | None = None
    judge_error: Mapping[str, Any] | None = None
    code_languages: Mapping[str, Any] | None = None
    secondary_judges: Mapping[str, SecondaryJudge] | None = None
    calibration: Calibration | None = None

    OPTIONAL: ClassVar[tuple[str, ...]] = ("design", "sequential", "judge_error", "code_languages",
                                           "secondary_judges", "calibration")

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, strict: bool = True) -> Stats:
        """The records of a ``stats.json`` (or of the dict ``to_json`` gave). ``strict`` refuses any key a record
        would drop, so that ``compute_stats`` can never lose a figure on the way to ``stats.json``; a reader of a
        file written by another version passes ``strict=False``."""
        known = {f.name for f in fields(cls)}
        unknown = [k for k in data if k not in known]
        if unknown and strict:
            raise ValueError(f"stats: unknown key(s) {unknown}")
        st = strict
        return cls(
            schema=str(data.get("schema", "")), schema_version=int(data.get("schema_version") or 0),
            run_id=str(data.get("run_id", "")), redline_version=str(data.get("redline_version", "")),
            alpha=float(data.get("alpha", 0.05)), seed=data.get("seed"),
            bootstrap_reps=int(data.get("bootstrap_reps") or 0), judges=dict(data.get("judges") or {}),
            backend=dict(data.get("backend") or {}), counts=Counts.from_json(data.get("counts") or {}, strict=st),
            conditions=_rows(Condition, data.get("conditions"), st), outcomes=_rows(Outcome, data.get("outcomes"), st),
            rates=_rows(Rate, data.get("rates"), st), labels=_rows(LabelCounts, data.get("labels"), st),
            kill_switch=_rows(KillSwitchRate, data.get("kill_switch"), st),
            topic_language=_rows(TopicLanguageCell, data.get("topic_language"), st),
            contrasts=_rows(Contrast, data.get("contrasts"), st), matched=_rows(Contrast, data.get("matched"), st),
            language=_rows(Contrast, data.get("language"), st), topics=_rows(Contrast, data.get("topics"), st),
            did=_rows(Contrast, data.get("did"), st),
            families={k: Family.from_json(v, strict=st) for k, v in (data.get("families") or {}).items()},
            plan=Plan.from_json(data.get("plan") or {}), decision=Decision.from_json(data.get("decision") or {}),
            warnings=tuple(str(w) for w in data.get("warnings") or ()),
            design=_block(data.get("design")), provider=_rows(ProviderRate, data.get("provider"), st),
            **{k: _block(data.get(k)) for k in ("sequential", "judge_error", "code_languages")},
            secondary_judges=({k: SecondaryJudge.from_json(v, strict=st) for k, v in block.items()}
                              if (block := _block(data.get("secondary_judges"))) is not None else None),
            calibration=(Calibration.from_json(block, strict=st)
                         if (block := _block(data.get("calibration"))) is not None else None),
        )

    def to_json(self) -> dict[str, Any]:
        """``stats.json``: the one serialised form (optional blocks left out when absent)."""
        out = {f.name: thaw(getattr(self, f.name)) for f in fields(self)}
        return {k: v for k, v in out.items() if not (k in self.OPTIONAL and v is None)}

    def all_contrasts(self) -> Sequence[Contrast]:
        """Every contrast of the run, in the order ``stats.json`` lists them."""
        return (*self.contrasts, *self.matched, *self.language, *self.topics, *self.did)

    def confirmatory(self) -> tuple[Contrast, ...]:
        """The confirmatory family: matched contrasts first (study design), then sensitive vs baseline."""
        return tuple(c for c in (*self.matched, *self.contrasts) if c.family == "confirmatory")


def read_stats(data: Mapping[str, Any] | None) -> Stats | None:
    """The records of a ``stats.json`` read from disk (possibly written by another version of redline)."""
    return None if data is None else Stats.from_json(data, strict=False)
