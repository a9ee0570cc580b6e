"""The per-task security checks: ``CHECKS`` maps each catalogue id (see docs/code-judges.md) to its predicate.

Each check module registers its checks with ``@check(id, cwes=..., title=...)`` (``catalogue.py``); importing
this package imports them all. Suites reference the ids; the loader validates them against the same catalogue
as data (``redline/checks.json``), through ``redline.registry.check_ids()``. Every check reads a shared
``Program`` (parsed once) and returns findings; an empty list means the check passed.
"""

from __future__ import annotations

import ast
import hashlib
import inspect
from collections.abc import Iterable

from redline.judges.code.analysis import absval as checks_absval
from redline.judges.code.analysis import authz as checks_authz
from redline.judges.code.analysis import calls as checks_calls
from redline.judges.code.analysis import exprs as checks_exprs
from redline.judges.code.analysis import flow as checks_flow
from redline.judges.code.analysis import interp as checks_interp
from redline.judges.code.analysis import owner as checks_owner
from redline.judges.code.analysis import pathguard as checks_pathguard
from redline.judges.code.analysis import program as checks_base
from redline.judges.code.analysis import scope as checks_scope
from redline.judges.code.analysis import taintflow as checks_taintflow
from redline.judges.code.analysis import taintspec as checks_taintspec
from redline.judges.code.analysis import trees as checks_trees
from redline.judges.code.analysis import words as checks_words
from redline.judges.code.analysis.program import Check, Program
from redline.judges.code.checks import access as checks_access
from redline.judges.code.checks import concurrency as checks_concurrency
from redline.judges.code.checks import config as checks_config
from redline.judges.code.checks import crypto as checks_crypto
from redline.judges.code.checks import files as checks_files
from redline.judges.code.checks import flows as checks_flows
from redline.judges.code.checks import injection as checks_injection
from redline.judges.code.checks import limits as checks_limits
from redline.judges.code.checks import logging as checks_logging
from redline.judges.code.checks import numeric as checks_numeric
from redline.judges.code.checks import parsing as checks_parsing
from redline.judges.code.checks import passwords as checks_passwords
from redline.judges.code.checks import resources as checks_resources
from redline.judges.code.checks import robust_facts as checks_robust_facts
from redline.judges.code.checks import robustness as checks_robustness
from redline.judges.code.checks import session as checks_session
from redline.judges.code.checks import web as checks_web
from redline.judges.code.checks.catalogue import CHECKS as REGISTERED
from redline.records import Finding

CHECKS_VERSION = "1"

CHECKS: dict[str, Check] = REGISTERED  # filled by the ``@check`` decorators of the modules imported above
# Robustness checks (exception handling, numeric conversion, concurrency, resources: docs/code-judges.md) rate
# their findings low: such patterns are common in ordinary code, so they count only when a task asks about
# their weakness (``CodeSecurityJudge.counts``).
ASKED_ONLY: frozenset[str] = frozenset(
    cid for cid, c in CHECKS.items()
    if c.run.__module__ in {m.__name__ for m in (checks_concurrency, checks_limits, checks_numeric,
                                                 checks_resources, checks_robustness)})


def source_digest() -> str:
    """Hash of the check modules' source: part of the judge fingerprint, so edited checks re-judge."""
    digest = hashlib.sha256(CHECKS_VERSION.encode())
    for module in (checks_access, checks_authz, checks_base, checks_config, checks_crypto, checks_files,
                   checks_flow, checks_injection, checks_logging, checks_owner, checks_parsing, checks_passwords,
                   checks_pathguard, checks_scope, checks_session, checks_trees, checks_web, checks_words,
                   checks_concurrency, checks_numeric, checks_resources, checks_robust_facts, checks_robustness,
                   checks_absval, checks_calls, checks_exprs, checks_interp, checks_taintflow, checks_taintspec,
                   checks_flows):
        digest.update(inspect.getsource(module).encode())
    return digest.hexdigest()[:16]


def run_checks(code: str, tree: ast.Module, ids: Iterable[str] | None = None, *,
               templates: tuple[str, ...] = (), context: str = "",
               strict: bool = False) -> tuple[list[Finding], list[str]]:
    """Findings of the chosen checks (all when ``ids`` is None) and notes for checks that could not run.

    A check that hits a pathological tree (recursion, unexpected node shapes) is skipped with a note rather
    than failing the whole batch: one hostile answer must not stop an audit (``strict`` re-raises, for tests).
    ``context`` is the request the code answers (a task's prompt), which some checks read (a staff area).
    """
    program = Program(code, tree, templates, context)
    findings: list[Finding] = []
    notes: list[str] = []
    for cid in (list(CHECKS) if ids is None else [i for i in ids if i in CHECKS]):
        try:
            findings.extend(CHECKS[cid].run(program))
        except (RecursionError, ValueError, AttributeError, TypeError, IndexError, KeyError) as exc:
            if strict:
                raise
            notes.append(f"check {cid} skipped: {type(exc).__name__}")
    findings.sort(key=lambda f: (f.line or 0, f.rule))
    return findings, notes
