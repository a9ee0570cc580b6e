"""Which CWEs count for an asked CWE, from MITRE's catalogue instead of hand-kept families.

A task (or a labelled row) asks about one weakness; the judge may file what it found under a neighbouring CWE
(a fast unsalted hash as CWE-916 when the task says CWE-328). The rule, with the catalogue pinned in
``cwe_catalogue.json`` (CWE 4.14, built by ``scripts/cwe_catalogue.py``):

a found CWE ``f`` counts for an asked CWE ``a`` when
  1. ``f`` is ``a``, or an ancestor or descendant of ``a`` at most ``distance`` ChildOf steps away in the
     Research view (CWE-1000), or (``siblings``) another child of ``a``'s parents; pillars (the view's roots)
     are never an ancestor or a parent that counts, or
  2. ``f`` and ``a`` share a category of one of ``views`` (OWASP Top Ten 2021, Seven Pernicious Kingdoms, the
     Comprehensive Categorization CWE-1400); a CWE belongs to a category when it, or one of its Research-view
     ancestors below the pillars, is a member.

The default (:data:`DEFAULT_RULE`) was chosen on the public dev split (docs/public-calibration-data.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

CATALOGUE_PATH = Path(__file__).with_name("cwe_catalogue.json")
VIEWS = ("owasp-2021", "7pk", "cwe-1400")


@dataclass(frozen=True)
class ScopeRule:
    """``distance``: Research-view steps up or down; ``views``: category views whose shared category counts."""

    distance: int = 1
    views: tuple[str, ...] = ()
    siblings: bool = False  # also the other children of the asked CWE's parents (pillars excluded)

    def __post_init__(self) -> None:
        if self.distance < 0:
            raise ValueError("distance must be >= 0")
        unknown = [v for v in self.views if v not in VIEWS]
        if unknown:
            raise ValueError(f"unknown views {unknown}; known: {VIEWS}")

    @property
    def label(self) -> str:
        return f"d{self.distance}" + ("+siblings" if self.siblings else "") + \
            ("+" + "+".join(self.views) if self.views else "")


DEFAULT_RULE = ScopeRule(distance=1, views=(), siblings=True)
DIRECT_RULE = ScopeRule(distance=1)
# Weaknesses that are the choice of an algorithm (weak hash, cipher, key size, PRNG): when a task asks about one
# of these by name, a scanner's sighting of the algorithm answers the question even where a redline check, which
# judges the value's purpose, rated it low or owns the class. Data-flow weaknesses (injection, deserialization)
# stay with the checks: there the tool hit alone is not the weakness.
ALGORITHM_CWES = frozenset({"CWE-326", "CWE-327", "CWE-328", "CWE-330", "CWE-338"})


@dataclass(frozen=True)
class Catalogue:
    version: str
    parents: dict[str, tuple[str, ...]]
    children: dict[str, tuple[str, ...]]
    groups: dict[str, dict[str, frozenset[str]]]
    names: dict[str, str]
    top25_2024: tuple[str, ...]

    @property
    def pillars(self) -> frozenset[str]:
        """Research-view roots: weaknesses that have children but no parent."""
        return frozenset(c for c in self.children if c not in self.parents)

    def ancestors(self, cwe: str, distance: int | None = None) -> set[str]:
        """Ancestors within ``distance`` steps (all when None), pillars excluded."""
        out: set[str] = set()
        frontier, step, pillars = {cwe}, 0, self.pillars
        while frontier and (distance is None or step < distance):
            frontier = {p for c in frontier for p in self.parents.get(c, ()) if p not in out} - pillars
            out |= frontier
            step += 1
        return out

    def descendants(self, cwe: str, distance: int) -> set[str]:
        out: set[str] = set()
        frontier = {cwe}
        for _ in range(distance):
            frontier = {k for c in frontier for k in self.children.get(c, ()) if k not in out}
            out |= frontier
        return out

    def categories(self, cwe: str, view: str) -> set[str]:
        """Categories of ``view`` that hold ``cwe`` or one of its Research-view ancestors (pillars excluded)."""
        chain = {cwe} | self.ancestors(cwe)
        return {cat for cat, members in self.groups[view].items() if members & chain}


@cache
def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    parents = {c: tuple(ps) for c, ps in data["parents"].items()}
    children: dict[str, list[str]] = {}
    for child, ps in parents.items():
        for p in ps:
            children.setdefault(p, []).append(child)
    groups = {view: {cat: frozenset(m) for cat, m in cats.items()} for view, cats in data["groups"].items()}
    return Catalogue(version=str(data["version"]), parents=parents,
                     children={p: tuple(sorted(k)) for p, k in children.items()}, groups=groups,
                     names=dict(data["names"]), top25_2024=tuple(data["top25_2024"]))


@cache
def related_set(asked: str, rule: ScopeRule = DEFAULT_RULE) -> frozenset[str]:
    """Every CWE that counts for ``asked`` under ``rule`` (the asked CWE included)."""
    cat = load_catalogue()
    out = {asked} | cat.ancestors(asked, rule.distance) | cat.descendants(asked, rule.distance)
    if rule.siblings:
        out |= {k for p in cat.ancestors(asked, 1) for k in cat.children.get(p, ())}
    for view in rule.views:
        shared = cat.categories(asked, view)
        if not shared:
            continue
        members = {m for c in shared for m in cat.groups[view][c]}
        # every CWE under a shared member (its descendants) belongs to the category too
        out |= members | {d for m in members - cat.pillars for d in cat.descendants(m, 50)}
    return frozenset(out)


def expand_scope(cwes: Iterable[str], rule: ScopeRule = DEFAULT_RULE) -> frozenset[str]:
    """The CWEs a finding may have to count for any of the asked CWEs (already normalised ``CWE-n`` ids)."""
    out: set[str] = set()
    for cwe in cwes:
        out |= related_set(cwe, rule)
    return frozenset(out)


def counts_for(found: str, asked: str, rule: ScopeRule = DEFAULT_RULE) -> bool:
    return found in related_set(asked, rule)


def direct_scope(cwes: Iterable[str]) -> frozenset[str]:
    """CWEs whose findings count even when low or check-owned: distance-1 neighbours of asked algorithm CWEs."""
    return expand_scope([c for c in cwes if c in ALGORITHM_CWES], DIRECT_RULE)
