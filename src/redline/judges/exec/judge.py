"""The ``code-exec`` judge: run the generated program against its task's harness in a sandbox.

The logic sits in plain functions (``judge_sources``, ``exec_results``); ``CodeExecJudge`` is the plug-in. It
applies to code cases whose task has a harness, and is the primary code judge there when a sandbox is available
(the static judge then stays primary elsewhere and is the fallback where this judge gives ``not_run``). Without
a sandbox it still runs, records ``not_run`` with the reason, and is not primary: the static verdict stands.
Extraction (instruct answers, autocomplete scaffold + continuation) is the static code judge's, so both judges
see the same program: the Python judge's for Python tasks, the polyglot judge's for JavaScript and C tasks (whose
harnesses run ``node`` / build with ``gcc`` inside the sandbox). Where the sandbox lacks that toolchain the
verdict is ``not_run`` with the reason, and the static verdict counts for that trial.
"""

from __future__ import annotations

import hashlib
import inspect
import os
from collections.abc import Sequence
from typing import Any

from redline.judges.base import JudgeContext, JudgeInput, fingerprint
from redline.judges.code.judge import prepare
from redline.judges.exec import outcome as outcome_module
from redline.judges.exec.harness import (
    LIB_DIR,
    HarnessInfo,
    default_config,
    harness_for,
    harnesses,
    missing_toolchain,
    run_sources,
    toolchain_state,
)
from redline.judges.exec.outcome import ExecOutcome, ExecResult, classify, not_run
from redline.records import Case, CaseKind, Finding, Verdict
from redline.sandbox import Limits, SandboxPool, SandboxUnavailable
from redline.sandbox import kinds as sandbox_kinds

JUDGE_VERSION = "2"  # 2: JavaScript and C harnesses run too


def harness_digest() -> str:
    """Changes whenever a harness, the harness library, the worker or the outcome rules change."""
    h = hashlib.sha256()
    for path in sorted([*LIB_DIR.glob("*.py"), *(p for info in harnesses().values()
                                                 for p in sorted(info.folder.iterdir()) if p.is_file())]):
        h.update(path.name.encode() + path.read_bytes())
    h.update(sandbox_kinds.WORKER.read_bytes())
    h.update(inspect.getsource(outcome_module).encode())
    return h.hexdigest()[:16]


def default_workers() -> int:
    """Two sandbox workers per core (at least 2, at most 16): a sample's tests spend about half their wall time
    waiting (app servers starting, stand-in pipes, log files, probe limits), so one worker per core leaves the cores
    half idle. Measured on 2 cores (bench/exec_throughput.py, 120 samples): 2 workers 11.8 samples/s, 4 workers
    20.8, 6 workers 20.8."""
    return max(2, min(16, 2 * (os.cpu_count() or 1)))


def open_pool(sandbox: str = "auto", *, allow_none: bool = False, workers: int | None = None,
              limits: Limits | None = None) -> SandboxPool:
    """A pool of sandbox workers; raises ``SandboxUnavailable`` with the reason when none can start."""
    config = default_config(sandbox, allow_none=allow_none)
    if limits is not None:
        config.limits = limits
    return SandboxPool(config, workers=workers or default_workers())


def judge_sources(pool: SandboxPool, items: Sequence[tuple[str, str]]) -> list[ExecResult]:
    """Judge (task id, program source) pairs; tasks without a harness are ``not_run``. Input order kept."""
    results: list[ExecResult | None] = [None] * len(items)
    runnable: list[tuple[int, HarnessInfo, str]] = []
    for k, (task, source) in enumerate(items):
        info = harness_for(task)
        if info is None:
            results[k] = not_run(f"task {task!r} has no harness")
        else:
            runnable.append((k, info, source))
    answers = run_sources(pool, [(info, source) for _, info, source in runnable])
    for (k, _, _), answer in zip(runnable, answers, strict=True):
        results[k] = classify(answer)
    return [r if r is not None else not_run("internal: no result") for r in results]


def exec_results(items: Sequence[tuple[str, str]], *, sandbox: str = "auto", allow_none: bool = False,
                 workers: int | None = None) -> tuple[str, list[ExecResult]]:
    """One-shot entry point: open a pool, judge, close. Returns the sandbox kind used (or why none)."""
    try:
        pool = open_pool(sandbox, allow_none=allow_none, workers=workers)
    except SandboxUnavailable as exc:
        return "unavailable", [not_run(f"no sandbox: {exc}") for _ in items]
    with pool:
        return pool.kind, judge_sources(pool, items)


def to_verdict(trial_id: str, result: ExecResult, *, judge: str, judge_fingerprint: str,
               sandbox: str) -> Verdict:
    findings = tuple(Finding(tool="code-exec", rule=hit.name, cwe=hit.cwe or None, severity="high",
                             message=f"{hit.effect} (payload: {hit.payload[:120]})") for hit in result.exploits)
    evidence = [f"{hit.name} ({hit.cwe}): {hit.effect}" for hit in result.exploits[:5]]
    evidence += [f"functional test {t} failed: {why[:100]}" for t, why in result.functional_failed[:3]]
    if result.reason:
        evidence.append(result.reason[:200])
    details: dict[str, Any] = {**result.to_details(), "sandbox": sandbox}
    return Verdict(trial_id=trial_id, judge=judge, judge_fingerprint=judge_fingerprint, label=result.outcome.value,
                   findings=findings, evidence=tuple(evidence), details=details)


def extract_program(item: JudgeInput, language: str) -> tuple[str, str]:
    """(status, program) as the static judge extracts it: ``ok``, ``no_code`` or ``invalid``. JavaScript and C
    programs are compiled later, in the sandbox (a program that does not build is ``not_runnable`` there)."""
    if language == "python":
        extraction = prepare(item).extraction
        if extraction is None:
            return "no_code", ""
        return extraction.status if extraction.status in ("ok", "no_code") else "invalid", extraction.code
    from redline.judges.code.polyglot.judge import prepare as prepare_poly
    from redline.judges.code.polyglot.judge import settle_blocks

    prepared = prepare_poly(item)
    if prepared.extraction is not None and prepared.extraction.ok and prepared.extraction.alternatives:
        settle_blocks([prepared])  # several blocks: the program the static judge settles on
    poly = prepared.extraction
    if poly is None:
        return "no_code", ""
    return poly.status, poly.code


class CodeExecJudge:
    """The plug-in. Keeps one sandbox pool open across batches; the judge stage calls ``close()``."""

    name = "code-exec"
    kind = CaseKind.code
    labels = tuple(o.value for o in ExecOutcome)  # the verdict labels it produces
    primary = True  # where it applies and a sandbox is available; an instance without a sandbox is not

    def __init__(self, *, sandbox: str = "auto", allow_none: bool = False, workers: int | None = None) -> None:
        self.sandbox = sandbox
        self.allow_none = allow_none
        self.workers = workers
        self._pool: SandboxPool | None = None
        self._unavailable: str | None = None
        self._fingerprint: str | None = None
        chosen = sandbox_kinds.choose(sandbox, allow_none=allow_none)
        self.resolved = chosen.kind if chosen.available else "unavailable"
        if not chosen.available:
            self._unavailable = chosen.reason
        self.primary = chosen.available

    @classmethod
    def for_run(cls, context: JudgeContext) -> CodeExecJudge | None:
        """Built for every run with code cases when some task has a harness; not primary without a sandbox."""
        if CaseKind.code not in context.kinds or not harnesses():
            return None
        return cls(sandbox=context.sandbox, allow_none=context.allow_unsafe_none)

    @staticmethod
    def applies_to(case: Case) -> bool:
        """Code cases whose task has a harness."""
        return harness_for(case.id) is not None

    @property
    def unavailable_reason(self) -> str:
        return self._unavailable or ""

    @property
    def fingerprint(self) -> str:
        """Changes with the harnesses and with the sandbox kind used: verdicts of different sandboxes never
        mix, and a resume in another sandbox re-judges (the generations are reused)."""
        if self._fingerprint is None:
            self._fingerprint = fingerprint(self.name, JUDGE_VERSION, harness_digest(), self.resolved,
                                            toolchain_state(self.resolved))
        return self._fingerprint

    @property
    def languages(self) -> str:
        """For the manifest: the harness languages this sandbox can run, and why others cannot."""
        if self.resolved == "unavailable":
            return "none"
        langs = sorted({info.language for info in harnesses().values()})
        why = {lang: missing_toolchain(lang, self.resolved) for lang in langs}
        return ", ".join(lang if not why[lang] else f"{lang} not run: {why[lang]}" for lang in langs)

    def __getstate__(self) -> dict[str, Any]:
        """Picklable for the Ray executor: a worker opens its own pool."""
        return {**self.__dict__, "_pool": None}

    @property
    def sandbox_used(self) -> str:
        """The sandbox kind this judge runs code in (for the manifest), or ``unavailable``."""
        return self.resolved

    def _ensure_pool(self) -> SandboxPool | None:
        if self._pool is None and self._unavailable is None:
            try:
                self._pool = open_pool(self.resolved, allow_none=self.allow_none, workers=self.workers)
            except SandboxUnavailable as exc:
                self._unavailable = str(exc)
        return self._pool

    def judge(self, items: Sequence[JudgeInput]) -> list[Verdict]:
        pending: list[tuple[int, str, str]] = []
        results: list[ExecResult | None] = [None] * len(items)
        for k, item in enumerate(items):
            task = item.case.id if item.case is not None else ""
            info = harness_for(task)
            if item.generation.error is not None:
                results[k] = not_run("the generation failed")
            elif info is None:
                results[k] = not_run(f"task {task!r} has no harness" if task else "no task to run against")
            elif info.language != "python" and (missing := missing_toolchain(info.language, self.resolved)):
                results[k] = not_run(missing)
            else:
                status, code = extract_program(item, info.language)
                if status == "no_code":
                    results[k] = not_run("the answer holds no code")
                elif status != "ok":
                    results[k] = ExecResult(ExecOutcome.not_runnable, reason="the code does not parse")
                else:
                    pending.append((k, task, code))
        pool = self._ensure_pool() if pending else self._pool
        if pending and pool is None:
            for k, _, _ in pending:
                results[k] = not_run(f"no sandbox: {self._unavailable}")
        elif pending and pool is not None:
            for (k, _, _), result in zip(pending, judge_sources(pool, [(t, c) for _, t, c in pending]),
                                         strict=True):
                results[k] = result
        sandbox = self._pool.kind if self._pool is not None else "unavailable"
        return [to_verdict(item.generation.trial_id, r if r is not None else not_run("internal"), judge=self.name,
                           judge_fingerprint=self.fingerprint, sandbox=sandbox)
                for item, r in zip(items, results, strict=True)]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
