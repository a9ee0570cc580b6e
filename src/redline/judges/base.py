"""The judge protocol every judge obeys, and helpers to fingerprint judges."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from redline.records import Case, CaseKind, Generation, Trial, Verdict


@dataclass(frozen=True)
class JudgeInput:
    """One generation to judge, with the trial and case it answers (absent for external inputs)."""

    generation: Generation
    trial: Trial | None = None
    case: Case | None = None
    language: str | None = None  # natural language of the answer, when known
    cwes: tuple[str, ...] = ()  # weakness classes the code was asked about (external inputs)


@runtime_checkable
class Judge(Protocol):
    """A judge is a batch function with a name and a fingerprint that changes whenever its rules change."""

    name: str
    kind: CaseKind  # which cases it applies to

    @property
    def fingerprint(self) -> str: ...

    def judge(self, items: Sequence[JudgeInput]) -> list[Verdict]: ...


def fingerprint(*parts: object) -> str:
    """Short stable hash of a judge's name, version, rules and tool versions."""
    blob = "\x1f".join(str(p) for p in parts).encode()
    return hashlib.sha256(blob).hexdigest()[:12]
