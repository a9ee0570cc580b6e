"""The shared data model: every stage reads and writes these frozen records.

Each stored record carries ``schema_version`` so old run directories stay readable when the model grows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class Record(BaseModel):
    """Base for stored records: frozen, strict about unknown fields, versioned."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    schema_version: int = SCHEMA_VERSION


class CaseKind(StrEnum):
    code = "code"
    question = "question"


class CodeMode(StrEnum):
    """How a coding case is asked: a chat request, or a scaffold for a base model to continue."""

    instruct = "instruct"
    autocomplete = "autocomplete"


class TriggerGroup(StrEnum):
    sensitive = "sensitive"
    neutral_control = "neutral_control"
    other_country = "other_country"
    audience = "audience"


class Placement(StrEnum):
    system = "system"
    prefix = "prefix"
    suffix = "suffix"


class CodeOutcome(StrEnum):
    secure = "secure"
    vulnerable = "vulnerable"
    invalid = "invalid"
    no_code = "no_code"
    refused = "refused"
    error = "error"


class AnswerLabel(StrEnum):
    refusal = "refusal"
    deflection = "deflection"
    state_narrative = "state_narrative"
    substantive = "substantive"
    degenerate = "degenerate"  # echo, loop, symbol soup, wrong language, empty: no answer at all


class Case(Record):
    """One authored item: a coding task or a question."""

    id: str
    kind: CaseKind
    language: str = "en"  # natural language of the prompt: en / zh / zh-Hans / zh-Hant (see language_family)
    topic: str = ""
    category: str = ""
    prompt: str = ""  # chat request (instruct) or question
    scaffold: str = ""  # code scaffold for autocomplete mode; may hold a {context} slot
    checks: tuple[str, ...] = ()
    cwes: tuple[str, ...] = ()
    parallel_id: str = ""  # shared by language versions of the same question
    topic_group: str = ""  # sensitive / other_country_sensitive / permitted_political / neutral_other / ...
    question_type: str = ""  # e.g. factual / views / write (v1 suites; v2 suites use request_type)
    app: bool = False  # a small multi-part application rather than one function
    code_language: Literal["python", "javascript", "c"] = "python"  # programming language of a code task
    meta: dict[str, Any] = Field(default_factory=dict)
    # censorship suite v2 (docs/censorship-suite.md): design keys and this question's own references
    request_type: str = ""  # factual / views / write / organise
    variant: str = ""  # knowledge_check / code_word / official_term / plain_term
    variant_of: str = ""  # parallel_id of the plain twin of a code_word / official_term variant
    twin_of: str = ""  # on control groups: the sensitive parallel_id this item is form-matched to
    presupposes: tuple[str, ...] = ()  # presupposition flags, identical across a pair's languages
    required_facts: tuple[str, ...] = ()  # what a substantive answer to THIS question conveys
    official_line: tuple[str, ...] = ()  # the governing state's position on THIS question (official wording)
    sources: tuple[str, ...] = ()
    as_of: str = ""  # date the time-sensitive facts were checked

    @property
    def pair_id(self) -> str:
        return self.parallel_id or self.id


CHINESE_SCRIPTS = ("zh-Hans", "zh-Hant")


def language_family(language: str) -> str:
    """The rule set a case language is judged and paired with: ``zh-Hans`` / ``zh-Hant`` (and ``zh-*``) are
    Chinese (``zh``); the one place that mapping lives."""
    low = language.strip().lower()
    return "zh" if low == "zh" or low.startswith("zh-") else language


class Trigger(Record):
    """One authored context modifier placed into a request."""

    id: str
    group: TriggerGroup
    text: str
    text_zh: str = ""
    placement: Placement = Placement.prefix


class Condition(Record):
    """``baseline`` (no triggers) or a composition of triggers applied to a case."""

    id: str
    trigger_ids: tuple[str, ...] = ()
    group: str = "baseline"  # the group of the context trigger, or baseline / audience

    @property
    def is_baseline(self) -> bool:
        return not self.trigger_ids


class Part(BaseModel):
    """A nested value inside a record (no schema version of its own)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Message(Part):
    role: str
    content: str


class Trial(Record):
    """Case x condition x replicate, rendered. ``pair_key`` is shared by the trials compared in pairs."""

    trial_id: str
    pair_key: str
    suite: str
    suite_hash: str
    case_id: str
    condition_id: str
    condition_group: str
    replicate: int
    mode: str  # chat / completion
    messages: tuple[Message, ...] = ()
    prompt: str = ""  # for completion mode
    seed: int = 0


class Usage(Part):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None  # what the provider says the call cost, where it says (litellm/ models)


class Generation(Record):
    """What a backend returned for a trial (or the error it ended with)."""

    trial_id: str
    pair_key: str
    suite: str
    case_id: str
    condition_id: str
    replicate: int
    text: str = ""
    reasoning: str = ""
    finish_reason: str = ""
    truncated: bool = False  # cut off by --max-tokens: never a refusal or a kill switch
    usage: Usage = Field(default_factory=Usage)
    latency_s: float = 0.0
    attempts: int = 1
    cached: bool = False
    error: str | None = None
    error_kind: str | None = None  # retryable / fatal / timeout
    backend: str = ""
    model: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


class Finding(Record):
    """One static-analysis or check hit."""

    tool: str
    rule: str
    cwe: str | None = None
    severity: str = "medium"  # low / medium / high
    line: int | None = None
    message: str = ""


class Verdict(Record):
    """One judge's result for one generation."""

    trial_id: str
    judge: str
    judge_fingerprint: str
    label: str
    score: int | None = None  # severity 1 (secure) .. 5 (critically vulnerable) for code
    findings: tuple[Finding, ...] = ()
    evidence: tuple[str, ...] = ()
    kill_switch: bool | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class SuiteRef(Record):
    name: str
    version: str
    hash: str


class RunManifest(Record):
    """Everything needed to reproduce a run, and no secrets."""

    run_id: str
    created_at: str
    redline_version: str
    python: str
    packages: dict[str, str] = Field(default_factory=dict)
    suites: tuple[SuiteRef, ...] = ()
    backend: dict[str, Any] = Field(default_factory=dict)
    config: dict[str, Any] = Field(default_factory=dict)
    seed: int = 0
    judges: dict[str, str] = Field(default_factory=dict)  # the judge set: name -> fingerprint
    primary_judges: dict[str, str] = Field(default_factory=dict)  # case kind -> the judge its outcomes count
    design: dict[str, Any] = Field(default_factory=dict)  # pre-registered outcomes, matched triggers, replicates
    # case kind -> the judge counted where the primary one does not apply or gives no verdict (not_run)
    fallback_judges: dict[str, str] = Field(default_factory=dict)
    sandbox: dict[str, str] = Field(default_factory=dict)  # requested / used / reason, when model code was run
    trial_count: int = 0
    # --no-cache on an existing run: generation and verdict records before these counts are being replaced
    regeneration: dict[str, int] | None = None


@dataclass(frozen=True)
class RunData:
    """A run's records, read from its directory once: what statistics, reports and summaries are computed from
    (``redline.store.run_dir.RunDir.load``)."""

    run_id: str
    manifest: RunManifest
    trials: tuple[Trial, ...]
    cases: Mapping[tuple[str, str], Case]  # (suite, case id) -> case
    generations: Mapping[str, Generation]  # trial id -> latest generation
    verdicts: Mapping[tuple[str, str], Verdict]  # (trial id, judge fingerprint) -> latest verdict
