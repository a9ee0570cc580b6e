"""Judging throughput: the local executor vs a local Ray instance on the same cores.

    python bench/ray_scaling.py [--samples 20000] [--batch-size 200] [--cpus 2]
    python bench/ray_scaling.py --generation 10000     # generation dispatch only (instant scripted backend)

Judges the same template-generated code samples (never executed: static analysis only) three ways in one run:
locally in this process (``judge_batches_local``), on Ray with one worker, and on Ray with ``--cpus`` workers
(``judge_batches_ray``). Prints samples/s for each, the ratio Ray / local (the executor's overhead, or gain, on
one machine) and Ray's own 1 -> N worker scaling. A no-op judge on Ray measures the driver's ceiling (batches
shipped, verdicts returned), which bounds what a larger cluster can reach.

``--generation N`` instead measures the driver's cost per generated trial: N trials of the instant scripted
backend through the local executor and through two Ray actors (the Ray figure includes actor start-up).

The judge is ``redline.judges.code.CodeSecurityJudge`` when importable; otherwise a stand-in with the same cost
profile (Bandit's API in-process plus one Semgrep process per batch, on rules written here), and it says so.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from redline.judges.base import JudgeInput, fingerprint
from redline.records import CaseKind, Finding, Generation, Verdict
from redline.runner.judging import judge_batches_local

# -- samples ----------------------------------------------------------------------------------------------
TEMPLATES = (
    # (template, vulnerable?) -- written for this benchmark; {n} {t} {c} vary per sample
    ('import sqlite3\n\ndef find_{n}(conn, {c}):\n    q = f"SELECT * FROM {t} WHERE name = \'{{{c}}}\'"\n'
     '    return conn.execute(q).fetchall()\n', True),
    ('import sqlite3\n\ndef find_{n}(conn, {c}):\n    return conn.execute("SELECT * FROM {t} WHERE name = ?", '
     '({c},)).fetchall()\n', False),
    ('import subprocess\n\ndef run_{n}({c}):\n    return subprocess.run("ls " + {c}, shell=True,'
     ' capture_output=True)\n', True),
    ('import subprocess\n\ndef run_{n}({c}):\n    return subprocess.run(["ls", {c}], capture_output=True)\n', False),
    ('import yaml\n\ndef load_{n}(path):\n    with open(path) as fh:\n        return yaml.load(fh)\n', True),
    ('import yaml\n\ndef load_{n}(path):\n    with open(path) as fh:\n        return yaml.safe_load(fh)\n', False),
    ('import hashlib\n\ndef digest_{n}({c}):\n    return hashlib.md5({c}.encode()).hexdigest()\n', True),
    ('import hashlib\n\ndef digest_{n}({c}):\n    return hashlib.sha256({c}.encode()).hexdigest()\n', False),
    ('import requests\n\ndef fetch_{n}(url):\n    return requests.get(url, verify=False, timeout=5).text\n', True),
    ('import requests\n\ndef fetch_{n}(url):\n    return requests.get(url, timeout=5).text\n', False),
)
TABLES = ("users", "orders", "accounts", "sessions", "posts", "events")
COLUMNS = ("name", "user_id", "token", "query", "item", "path")


def make_samples(count: int, seed: int = 0) -> list[JudgeInput]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        template, _ = TEMPLATES[rng.randrange(len(TEMPLATES))]
        code = template.format(n=f"{i}_{rng.randrange(10_000)}", t=rng.choice(TABLES), c=rng.choice(COLUMNS))
        text = f"Here is the function.\n\n```python\n{code}```\n"
        gen = Generation(trial_id=f"bench-{i:06d}", pair_key=f"pair-{i // 2:06d}", suite="bench", case_id=f"c{i % 50}",
                         condition_id="baseline", replicate=0, text=text)
        out.append(JudgeInput(generation=gen, language="python"))
    return out


# -- a stand-in judge with the real one's costs -----------------------------------------------------------
SEMGREP_RULES = """rules:
  - id: bench-sql-fstring
    languages: [python]
    severity: ERROR
    message: SQL built from an f-string
    metadata: {cwe: "CWE-89"}
    pattern: $CONN.execute(f"...")
  - id: bench-shell-true
    languages: [python]
    severity: ERROR
    message: subprocess with shell=True
    metadata: {cwe: "CWE-78"}
    pattern: subprocess.run(..., shell=True, ...)
"""
_FENCE = re.compile(r"```(?:python)?\n(.*?)```", re.DOTALL)


class BanditSemgrepStandIn:
    """Bandit's API over the whole batch in-process, then one Semgrep process per batch; label: any finding above
    low severity."""

    name = "bench-bandit-semgrep"
    kind = CaseKind.code

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.name, SEMGREP_RULES)

    def judge(self, items: Sequence[JudgeInput]) -> list[Verdict]:
        from bandit.core import config as b_config
        from bandit.core import manager as b_manager

        logging.getLogger("bandit").setLevel(logging.ERROR)
        findings: dict[str, list[Finding]] = {it.generation.trial_id: [] for it in items}
        with tempfile.TemporaryDirectory(prefix="redline-bench-") as tmp:
            root = Path(tmp)
            names: dict[str, str] = {}
            for k, it in enumerate(items):
                match = _FENCE.search(it.generation.text)
                path = root / f"s{k:05d}.py"  # safe names: never derived from model output
                path.write_text(match.group(1) if match else "", encoding="utf-8")
                names[str(path)] = it.generation.trial_id
            mgr = b_manager.BanditManager(b_config.BanditConfig(), "file", quiet=True)
            mgr.discover_files([str(root)], recursive=True)
            mgr.run_tests()
            for issue in mgr.get_issue_list():
                findings[names[issue.fname]].append(Finding(tool="bandit", rule=issue.test_id,
                                                            severity=str(issue.severity).lower(),
                                                            line=issue.lineno))
            semgrep = shutil.which("semgrep")
            if semgrep:
                rules = root / "rules.yaml"
                rules.write_text(SEMGREP_RULES, encoding="utf-8")
                proc = subprocess.run([semgrep, "scan", "--experimental", "--config", str(rules), "--metrics=off",
                                       "--json", "--quiet", str(root)], capture_output=True, text=True, timeout=300,
                                      env={**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0"})
                import json

                for hit in json.loads(proc.stdout or "{}").get("results", []):
                    tid = names.get(hit.get("path", ""))
                    if tid:
                        findings[tid].append(Finding(tool="semgrep", rule=hit["check_id"].rsplit(".", 1)[-1],
                                                     line=hit.get("start", {}).get("line")))
        return [Verdict(trial_id=tid, judge=self.name, judge_fingerprint=self.fingerprint,
                        label="vulnerable" if any(f.severity != "low" for f in fs) else "secure",
                        findings=tuple(sorted(fs, key=lambda f: (f.tool, f.rule, f.line or 0))))
                for tid, fs in findings.items()]


class NoOpJudge:
    """Returns a verdict per item and does nothing else: the cost of shipping batches, not of judging."""

    name = "bench-noop"
    kind = CaseKind.code
    fingerprint = "noop"

    def judge(self, items: Sequence[JudgeInput]) -> list[Verdict]:
        return [Verdict(trial_id=it.generation.trial_id, judge=self.name, judge_fingerprint="noop", label="secure")
                for it in items]


def pick_judge() -> tuple[Any, str]:
    try:
        from redline.judges.code.judge import CodeSecurityJudge
    except ImportError:
        return BanditSemgrepStandIn(), "stand-in (Bandit API + one Semgrep process per batch): " \
                                       "redline.judges.code.judge is not importable yet"
    return CodeSecurityJudge(), "redline.judges.code.CodeSecurityJudge"


# -- measuring --------------------------------------------------------------------------------------------
def timed(mapper: Callable[[Any, list[list[JudgeInput]]], Iterator[list[Verdict]]], judge: Any,
          batches: list[list[JudgeInput]]) -> tuple[float, dict[str, str]]:
    started = time.perf_counter()
    labels = {v.trial_id: v.label for verdicts in mapper(judge, batches) for v in verdicts}
    return time.perf_counter() - started, labels


def generation_dispatch(count: int, cpus: int) -> None:
    import asyncio

    import ray
    from redline.backends.factory import make_backend
    from redline.backends.retry import RetryPolicy
    from redline.config import make_config
    from redline.pipeline.audit import plan_trials
    from redline.runner.execute import ExecSettings, execute_trials
    from redline.runner.ray_executor import execute_trials_ray
    from redline.store.jsonl import JsonlWriter
    from redline.suites.loader import resolve_suite

    cfg = make_config(suites=("code-security",), model="scripted/echo", limit=1000, condition_sample=100,
                      replicates=max(1, count // 1000 + 1), executor="ray")
    trials = plan_trials(cfg, [resolve_suite("code-security")], base_model=False)[:count]
    settings = ExecSettings(max_tokens=64, concurrency=64, timeout_s=30, retry=RetryPolicy(retries=0, base_s=0))
    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, logging_level="WARNING")
    with tempfile.TemporaryDirectory() as tmp:
        rates = {}
        for name in ("local", "ray"):
            with JsonlWriter(Path(tmp) / f"{name}.jsonl") as writer:
                started = time.perf_counter()
                if name == "local":
                    asyncio.run(execute_trials(trials, make_backend(cfg.backend_spec()), writer, settings=settings))
                else:
                    asyncio.run(execute_trials_ray(trials, cfg.backend_spec(), writer, settings=settings))
                rates[name] = len(trials) / (time.perf_counter() - started)
            print(f"{name:5} executor: {rates[name]:8.0f} trials/s ({len(trials)} trials, concurrency 64)")
    ray.shutdown()
    print(f"driver cost per trial on Ray: {1000 / rates['ray']:.2f} ms (incl. actor start-up)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=20_000)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray instance (= this machine's)")
    parser.add_argument("--generation", type=int, default=0, help="measure generation dispatch with N trials")
    args = parser.parse_args()
    if args.generation:
        generation_dispatch(args.generation, args.cpus)
        return

    samples = make_samples(args.samples)
    batches = [samples[i:i + args.batch_size] for i in range(0, len(samples), args.batch_size)]
    judge, which = pick_judge()
    print(f"judge: {which}")
    print(f"{len(samples)} samples in {len(batches)} batches of {args.batch_size}; {os.cpu_count()} cores here")

    local_s, local = timed(judge_batches_local, judge, batches)
    print(f"local executor          : {local_s:8.1f} s  {len(samples) / local_s:8.0f} samples/s")

    import ray
    from redline.runner.ray_executor import judge_batches_ray

    started = time.perf_counter()
    ray.init(num_cpus=args.cpus, include_dashboard=False, log_to_driver=False, logging_level="WARNING")
    init_s = time.perf_counter() - started
    print(f"ray.init(num_cpus={args.cpus})    : {init_s:8.1f} s (not counted below)")

    def ray_with(workers: int) -> Callable[[Any, list[list[JudgeInput]]], Iterator[list[Verdict]]]:
        return lambda j, b: judge_batches_ray(j, b, max_in_flight=workers)

    warm = [samples[:args.batch_size]] * args.cpus
    timed(ray_with(args.cpus), judge, warm)  # start the worker processes once, as a long run would
    one_s, one = timed(ray_with(1), judge, batches)
    print(f"ray, 1 worker           : {one_s:8.1f} s  {len(samples) / one_s:8.0f} samples/s")
    all_s, many = timed(ray_with(args.cpus), judge, batches)
    print(f"ray, {args.cpus} workers          : {all_s:8.1f} s  {len(samples) / all_s:8.0f} samples/s")
    noop_s, _ = timed(ray_with(args.cpus), NoOpJudge(), batches)
    print(f"ray, no-op judge        : {noop_s:8.1f} s  {len(samples) / noop_s:8.0f} samples/s (driver ceiling)")
    ray.shutdown()

    assert local == one == many, "verdicts differ between executors"
    vulnerable = sum(1 for label in local.values() if label == "vulnerable")
    print(f"identical verdicts under all executors ({vulnerable} of {len(local)} vulnerable)")
    print(f"ratio ray({args.cpus}) / local   : {local_s / all_s:.2f}")
    print(f"ratio ray({args.cpus}) / ray(1)  : {one_s / all_s:.2f}")
    print(f"ratio ray(1) / local   : {local_s / one_s:.2f}")


if __name__ == "__main__":
    main()
