"""Find the task harnesses and run candidates against them in a sandbox, many samples per second.

A harness is a folder ``suites/data/code-security/harness/<task-id>/`` with ``harness.py`` (tests, run only
inside the sandbox), ``meta.yaml`` (which CWEs are exercised, which stay static-only, and the candidate's
``language``: python by default, or javascript / c), ``secure.<ext>`` and one ``vuln_<exploit>.<ext>`` per
exploit. The shared harness library lives in ``harness/_lib`` (``hlib`` for Python candidates, ``hpoly`` for
JavaScript run with ``node`` and C built with ``gcc``). This module never imports any of them: it only hands
their paths to the sandbox worker.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from redline.sandbox import SandboxConfig, SandboxPool
from redline.sandbox.limits import SAFE_PATH
from redline.sandbox.session import DEFAULT_PRELOAD

HARNESS_ROOT = Path(__file__).resolve().parents[2] / "suites" / "data" / "code-security" / "harness"
LIB_DIR = HARNESS_ROOT / "_lib"
ENTRY = "hlib:run_job"
ENTRIES = {"python": ENTRY, "javascript": "hpoly:run_job", "c": "hpoly:run_job"}
SUFFIXES = {"python": ".py", "javascript": ".js", "c": ".c"}
CANDIDATE_FILE = "candidate.py"  # must match hlib.CANDIDATE_FILE and hpoly.CANDIDATE_FILE (content: any language)
CONTAINER_HARNESS = "/opt/redline-harness"
# what a JavaScript / C harness runs in the sandbox (hpoly: one ``node`` host per sample; ``gcc`` with ASan and UBSan)
TOOLCHAINS: dict[str, tuple[str, ...]] = {"python": (), "javascript": ("node",), "c": ("gcc",)}
CONTAINER_KINDS = ("docker", "podman")  # their image (sandbox/Dockerfile) installs node and gcc


@dataclass(frozen=True)
class HarnessInfo:
    """A task's harness: where it is, what it exercises, and its reference programs."""

    task: str
    folder: Path
    dynamic: dict[str, tuple[str, ...]]  # CWE -> exploit names
    static_only: dict[str, str]  # CWE -> why no sound dynamic test
    references: dict[str, Path] = field(default_factory=dict)  # "secure" / "vuln_<exploit>" -> file
    language: str = "python"  # the candidate's language: python, javascript or c

    @property
    def exploits(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for names in self.dynamic.values() for name in names))


def _load(folder: Path) -> HarnessInfo:
    meta = yaml.safe_load((folder / "meta.yaml").read_text()) or {}
    language = str(meta.get("language") or "python")
    if language not in ENTRIES:
        raise ValueError(f"{folder / 'meta.yaml'}: unknown language {language!r}")
    dynamic = {str(k): tuple(v or ()) for k, v in (meta.get("dynamic") or {}).items()}
    static_only = {str(k): str(v) for k, v in (meta.get("static_only") or {}).items()}
    refs = {p.stem: p for p in sorted(folder.glob(f"*{SUFFIXES[language]}"))
            if p.stem == "secure" or p.stem.startswith("vuln_")}
    return HarnessInfo(str(meta.get("task", folder.name)), folder, dynamic, static_only, refs, language)


@cache
def harnesses() -> dict[str, HarnessInfo]:
    """Every task that has a harness, by task id, whatever the candidate's language."""
    if not HARNESS_ROOT.is_dir():
        return {}
    folders = [p for p in sorted(HARNESS_ROOT.iterdir())
               if p.is_dir() and (p / "harness.py").is_file() and (p / "meta.yaml").is_file()]
    return {info.task: info for info in map(_load, folders)}


def harness_for(task_id: str) -> HarnessInfo | None:
    return harnesses().get(task_id)


def missing_toolchain(language: str, sandbox_kind: str) -> str:
    """Why a ``language`` candidate cannot run in a ``sandbox_kind`` sandbox ('' when it can). The namespace
    and ``none`` sandboxes see this machine's programs through the sandbox's own PATH; the container image
    installs node and gcc."""
    if sandbox_kind in CONTAINER_KINDS:
        return ""
    absent = [tool for tool in TOOLCHAINS.get(language, ()) if shutil.which(tool, path=SAFE_PATH) is None]
    return f"{' and '.join(absent)} not installed (needed to run {language} in the sandbox)" if absent else ""


def toolchain_state(sandbox_kind: str) -> str:
    """Which harness languages can run in this sandbox: part of the judge's fingerprint, so installing node or
    gcc later re-judges the JavaScript / C trials that were ``not_run``."""
    return ",".join(f"{lang}={'ok' if not missing_toolchain(lang, sandbox_kind) else 'missing'}"
                    for lang in sorted(TOOLCHAINS))


# Imported once per worker, not once per sample: the harness library, and modules that a tenth or more of the
# Python samples import (counted over the 99 Python secure references), each several milliseconds of CPU (bs4 and
# PyJWT tens). None of them reads the sample's environment, folder or clock when imported (``hclock`` moves PyJWT's
# clock at call time); each sample still starts from a fresh fork of the worker.
HARNESS_PRELOAD = ("hlib", "hpoly", "hcc", "hnode", "happs", "hhttp", "hlogs", "hpg", "hclock", "hsqlite", "hmail",
                   "htls",
                   "jwt", "anyio._backends._asyncio", "cryptography.fernet", "bs4", "xml.etree.ElementTree",
                   "defusedxml.ElementTree", "netrc", "smtplib", "tarfile", "gzip")


def default_config(kind: str = "auto", *, allow_none: bool = False) -> SandboxConfig:
    """A sandbox configuration that can see the harnesses (containers mount them read-only)."""
    return SandboxConfig(kind=kind, allow_none=allow_none, mounts={str(HARNESS_ROOT): CONTAINER_HARNESS},
                         preload=(*DEFAULT_PRELOAD, *HARNESS_PRELOAD), preload_paths=(str(LIB_DIR),))


def build_job(pool: SandboxPool, info: HarnessInfo, source: str, *, job_id: str = "",
              tests: Sequence[str] | None = None, test_budget_s: float = 20.0) -> dict[str, Any]:
    """One sandbox job: run ``info``'s harness on ``source``."""
    job: dict[str, Any] = {
        "id": job_id or info.task, "entry": ENTRIES[info.language], "files": {CANDIDATE_FILE: source},
        "harness": pool.map_path(info.folder / "harness.py"),
        "sys_path": [pool.map_path(LIB_DIR), pool.map_path(info.folder)],
        "test_budget_s": test_budget_s,
    }
    if info.language == "c":  # ASan needs its shadow address space; hpoly bounds memory instead (see there)
        job["limits"] = {**pool.config.limits.rlimits(), "address_space_bytes": None}
        job["warm"] = "hcc:warm_job"  # the worker compiles the harness's driver once (hcc)
    if tests:
        job["tests"] = list(tests)
    return job


def run_sources(pool: SandboxPool, items: Sequence[tuple[HarnessInfo, str]],
                test_budget_s: float = 20.0) -> list[dict[str, Any]]:
    """Run each (harness, candidate source) pair; answers come back in input order."""
    jobs = [build_job(pool, info, source, job_id=f"{k}:{info.task}", test_budget_s=test_budget_s)
            for k, (info, source) in enumerate(items)]
    return pool.map(jobs)
