"""Matched triggers: which neutral controls and other-country counterpart each sensitive trigger is compared with.

A trigger effect is only "political" if it survives comparison with a control sentence that differs in
nothing but the group or place named: same shape (opening words), same placement, similar length. The
declarations live beside the suite in ``design/matching.yaml`` (outside the loader's ``*.yaml`` glob, since
triggers reject unknown keys); ``validate_matching`` reports sensitive triggers without a control, controls
of the wrong group, shape, placement or length, and a baseline filler that does not fit.

The filler is the baseline's own context sentence, naming nobody, so that baseline and triggered trials both
carry one sentence in the same slot (chat prefix, or the scaffold's comment line in autocomplete mode).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from redline.records import Placement, Trigger, TriggerGroup
from redline.suites.loader import Suite

MATCHING_FILE = Path("design") / "matching.yaml"
FILLER_ID = "baseline-filler"
SHAPE_WORDS = 4  # the opening words a sentence's shape is judged by ("It will be used by")


@dataclass(frozen=True)
class Match:
    sensitive: str
    controls: tuple[str, ...]
    counterpart: str | None = None


@dataclass(frozen=True)
class Matching:
    tolerance: float
    matches: tuple[Match, ...]
    filler: Trigger | None = None

    def controls_of(self, trigger_id: str) -> tuple[str, ...]:
        for m in self.matches:
            if m.sensitive == trigger_id:
                return m.controls
        return ()

    def confirmatory_ids(self) -> list[str]:
        """The trigger ids of the confirmatory family's arms: each matched sensitive trigger, then its controls."""
        out: list[str] = []
        for m in self.matches:
            if m.controls:
                out.extend(t for t in (m.sensitive, *m.controls) if t not in out)
        return out

    def as_dict(self) -> dict[str, Any]:
        """For ``suites show --json``: each sensitive trigger's ``controls`` and ``counterpart``."""
        return {m.sensitive: {"controls": list(m.controls), "counterpart": m.counterpart} for m in self.matches}


def parse_matching(data: Any) -> Matching:
    """Matching from the parsed YAML mapping (``tolerance``, ``filler``, ``sensitive: {id: {controls,
    counterpart}}``); malformed entries raise ``ValueError`` naming the key."""
    if not isinstance(data, dict):
        raise ValueError("matching: expected a mapping with 'sensitive'")
    unknown = set(data) - {"tolerance", "filler", "sensitive"}
    if unknown:
        raise ValueError(f"matching: unknown key {sorted(unknown)[0]!r}")
    matches = []
    for sid, entry in (data.get("sensitive") or {}).items():
        if not isinstance(entry, dict) or set(entry) - {"controls", "counterpart"}:
            raise ValueError(f"matching: {sid!r} needs a mapping with controls and optional counterpart")
        controls = entry.get("controls") or []
        if not isinstance(controls, list) or not all(isinstance(c, str) for c in controls):
            raise ValueError(f"matching: {sid!r}: controls must be a list of trigger ids")
        counterpart = entry.get("counterpart")
        matches.append(Match(str(sid), tuple(controls), str(counterpart) if counterpart else None))
    filler = None
    if data.get("filler"):
        f = data["filler"]
        filler = Trigger(id=FILLER_ID, group=TriggerGroup.neutral_control, text=str(f["text"]),
                         text_zh=str(f.get("text_zh", "")), placement=Placement(f.get("placement", "prefix")))
    return Matching(float(data.get("tolerance", 0.15)), tuple(matches), filler)


def load_matching(suite_dir: str | Path) -> Matching | None:
    """The suite directory's ``design/matching.yaml``, or None when it has none."""
    path = Path(suite_dir) / MATCHING_FILE
    if not path.is_file():
        return None
    return parse_matching(yaml.safe_load(path.read_text(encoding="utf-8")))


def matching_for(suite: Suite) -> Matching | None:
    """The matching declared beside a suite loaded from a directory (``suite.source``)."""
    source = Path(suite.source)
    return load_matching(source) if source.is_dir() else None


def shape(text: str) -> str:
    """The opening words of a sentence (its shape), case-folded."""
    return " ".join(text.split()[:SHAPE_WORDS]).casefold()


def length_gap(text: str, reference: str) -> float:
    """Relative length difference |len(text) - len(reference)| / len(reference)."""
    return abs(len(text) - len(reference)) / max(1, len(reference))


@dataclass
class MatchingReport:
    """Problems found; ``ok`` when there are none. ``unmatched`` lists sensitive triggers with no control."""

    unmatched: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unmatched and not self.problems

    def lines(self) -> list[str]:
        return [f"sensitive trigger {t!r} has no matched control" for t in self.unmatched] + self.problems


def _compare(kind: str, sens: Trigger, other: Trigger, tolerance: float) -> list[str]:
    out = []
    if shape(other.text) != shape(sens.text):
        out.append(f"{kind} {other.id!r} of {sens.id!r}: shape {shape(other.text)!r} != {shape(sens.text)!r}")
    if other.placement != sens.placement:
        out.append(f"{kind} {other.id!r} of {sens.id!r}: placement {other.placement.value} != {sens.placement.value}")
    for lang, a, b in (("en", other.text, sens.text), ("zh", other.text_zh, sens.text_zh)):
        if a and b and length_gap(a, b) > tolerance:
            out.append(f"{kind} {other.id!r} of {sens.id!r}: {lang} length {len(a)} vs {len(b)} "
                       f"({length_gap(a, b):.0%} > {tolerance:.0%})")
    return out


def validate_matching(suite: Suite, matching: Matching | None) -> MatchingReport:
    """Every sensitive trigger has >= 1 control of the neutral group, the same shape and placement and a
    length within the tolerance (English and Chinese); counterparts are other-country triggers of the same
    placement (their length is reported, not required); the filler has the contexts' shape."""
    report = MatchingReport()
    by_id = {t.id: t for t in suite.triggers}
    sensitive = [t for t in suite.triggers if t.group == TriggerGroup.sensitive]
    if matching is None:
        report.unmatched = [t.id for t in sensitive]
        return report
    declared = {m.sensitive: m for m in matching.matches}
    for sid in declared:
        if sid not in by_id or by_id[sid].group != TriggerGroup.sensitive:
            report.problems.append(f"matching names {sid!r}, which is not a sensitive trigger of {suite.name}")
    for sens in sensitive:
        m = declared.get(sens.id)
        if m is None or not m.controls:
            report.unmatched.append(sens.id)
            continue
        for cid in m.controls:
            ctrl = by_id.get(cid)
            if ctrl is None:
                report.problems.append(f"control {cid!r} of {sens.id!r} is not a trigger of {suite.name}")
            elif ctrl.group != TriggerGroup.neutral_control:
                report.problems.append(f"control {cid!r} of {sens.id!r} is {ctrl.group.value}, not neutral_control")
            else:
                report.problems.extend(_compare("control", sens, ctrl, matching.tolerance))
        if m.counterpart:
            cp = by_id.get(m.counterpart)
            if cp is None or cp.group != TriggerGroup.other_country:
                report.problems.append(f"counterpart {m.counterpart!r} of {sens.id!r} is not an other_country trigger")
            elif cp.placement != sens.placement:
                report.problems.append(f"counterpart {cp.id!r} of {sens.id!r}: placement differs")
    contexts = [t for t in suite.triggers if t.group != TriggerGroup.audience]
    if matching.filler is not None and contexts:
        shapes = {shape(t.text) for t in contexts}
        if shape(matching.filler.text) not in shapes:
            report.problems.append(f"filler {matching.filler.text!r} does not share the contexts' shape")
    return report


def baseline_triggers(matching: Matching | None) -> list[Trigger]:
    """What the baseline condition renders: the filler alone (or nothing when the suite declares none).

    ``expand.expand_trials`` should use ``trigs = baseline_triggers(matching)`` for the ``baseline`` condition
    instead of ``[]``; ``render_chat`` / ``render_completion`` then place it like any context trigger, so the
    autocomplete scaffold keeps its comment line.
    """
    return [matching.filler] if matching is not None and matching.filler is not None else []
