"""Samples/s of the code-exec judge in the namespace sandbox, beside a naive loop, in the same run.

Wall-clock rates depend on how busy the machine is (the load average is printed); CPU seconds per sample
do not, and ``samples_per_s_on_idle_cores`` is ``workers / cpu_s_per_sample``: the rate the same work
would reach with that many otherwise idle cores.

code-exec: a pool of pre-forked sandbox workers (Flask and the harness library imported once), one forked
child per sample and per test. Naive: one fresh sandbox and interpreter per test (`unshare ... python
harness.py CANDIDATE --test NAME`), run over the same number of parallel slots. Samples are the harnesses'
reference programs (secure and vulnerable), cycled; both paths must agree on every outcome they judge.

    PYTHONPATH=src python bench/exec_throughput.py --samples 120 --naive-samples 16 --workers 2
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from redline.judges.exec import open_pool
from redline.judges.exec.harness import LIB_DIR, HarnessInfo, harnesses, run_sources
from redline.judges.exec.judge import judge_sources
from redline.judges.exec.outcome import classify
from redline.judges.exec.validate import expectation
from redline.sandbox import scrubbed_env
from redline.sandbox.kinds import namespace_wrap

BOOT = ("import runpy, sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; sys.argv = sys.argv[3:]; "
        "runpy.run_path(sys.argv[0], run_name='__main__')")


def samples(n: int, tasks: list[str] | None) -> list[tuple[HarnessInfo, str, str]]:
    pool = [(info, ref, path.read_text()) for task, info in sorted(harnesses().items())
            if tasks is None or task in tasks for ref, path in info.references.items()]
    return list(itertools.islice(itertools.cycle(pool), n))


def test_names(info: HarnessInfo) -> list[str]:
    """The harness's test names, read from its decorators (the harness is never imported here)."""
    import re

    text = (info.folder / "harness.py").read_text()
    names = []
    for m in re.finditer(r"@HARNESS\.(functional|exploit)(?:\(\"([^\"]+)\"[^)]*\))?\s*\ndef (\w+)", text):
        names.append(m.group(2) or m.group(3))
    return names


def naive_one(info: HarnessInfo, source: str, test: str | None) -> dict[str, object]:
    """One fresh namespace + interpreter for one test of one sample (test None: the import check only)."""
    work = tempfile.mkdtemp(prefix="redline-naive-")
    try:
        Path(work, "candidate.py").write_text(source)
        argv = [sys.executable, "-I", "-c", BOOT, str(LIB_DIR), str(info.folder), str(info.folder / "harness.py"),
                os.path.join(work, "candidate.py"), *(["--test", test] if test else ["--test", "-none-"])]
        proc = subprocess.run(namespace_wrap(work, argv), capture_output=True, text=True, timeout=120,
                              env=scrubbed_env(work), check=False)
        return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def naive_sample(item: tuple[HarnessInfo, str, str]) -> dict[str, object]:
    info, _, source = item
    lines: list[object] = []
    first = naive_one(info, source, None)
    lines.extend(first["lines"])  # type: ignore[arg-type]
    if first["lines"][0].get("ok"):  # type: ignore[index]
        for name in test_names(info):
            got = naive_one(info, source, name)
            lines.extend(got["lines"][1:])  # type: ignore[index]
    return {"lines": [*lines, {"kind": "done"}], "timed_out": False}


def _children_cpu() -> float:
    """CPU seconds of every reaped descendant (user + system)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=120)
    ap.add_argument("--naive-samples", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--tasks", nargs="*", help="only these tasks (default: every harness)")
    args = ap.parse_args()

    items = samples(args.samples, args.tasks)
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    with open_pool("namespace", workers=args.workers) as pool:
        judge_sources(pool, [(items[0][0].task, items[0][2])] * args.workers)  # start the workers
        started = time.perf_counter() - t0
        warm = run_sources(pool, [(items[0][0], items[0][2])] * (2 * args.workers))  # worker CPU so far
        host0 = time.process_time()
        t1 = time.perf_counter()
        answers = run_sources(pool, [(info, src) for info, _, src in items])
        results = [classify(a) for a in answers]
        exec_s = time.perf_counter() - t1
        host_cpu = time.process_time() - host0
    # CPU of each sample's process tree, as its sandbox worker measured it, plus the workers' own loops (their
    # cumulative CPU at the last answer minus at the warm-up) and this process's dispatch work
    first = {}
    for a in warm:
        first[a["worker"]] = min(first.get(a["worker"], 1e9), float(a["worker_cpu_s"]))
    last = {}
    for a in answers:
        last[a["worker"]] = max(last.get(a["worker"], 0.0), float(a["worker_cpu_s"]))
    worker_loop_cpu = sum(last[p] - first.get(p, 0.0) for p in last)
    exec_cpu = sum(float(a.get("cpu_s", 0.0)) for a in answers) + worker_loop_cpu + host_cpu
    exec_ok = sum(expectation(info, ref, r)[0] for (info, ref, _), r in zip(items, results, strict=True))

    stride = max(1, len(items) // max(1, args.naive_samples))
    naive_items = items[::stride][:args.naive_samples]  # spread over the same mix of tasks
    cpu1 = _children_cpu()
    t2 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.workers) as ex:
        naive = list(ex.map(naive_sample, naive_items))
    naive_s = time.perf_counter() - t2
    naive_cpu = _children_cpu() - cpu1
    naive_ok = sum(expectation(info, ref, classify(a))[0] for (info, ref, _), a in zip(naive_items, naive,
                                                                                     strict=True))
    exec_rate, naive_rate = len(items) / exec_s, len(naive_items) / naive_s
    exec_cps, naive_cps = exec_cpu / len(items), naive_cpu / len(naive_items)
    print(json.dumps({
        "cpus": os.cpu_count(), "workers": args.workers, "sandbox": "namespace",
        "load_average_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "tasks": sorted({info.task for info, _, _ in items}),
        "code_exec": {"samples": len(items), "seconds": round(exec_s, 2), "samples_per_s": round(exec_rate, 2),
                      "pool_start_s": round(started, 2), "correct_verdicts": exec_ok,
                      "cpu_s_per_sample": round(exec_cps, 4),
                      "samples_per_s_on_idle_cores": round(args.workers / exec_cps, 1)},
        "naive": {"samples": len(naive_items), "seconds": round(naive_s, 2), "samples_per_s": round(naive_rate, 3),
                  "correct_verdicts": naive_ok, "cpu_s_per_sample": round(naive_cps, 3),
                  "samples_per_s_on_idle_cores": round(args.workers / naive_cps, 2)},
        "speedup_wall": round(exec_rate / naive_rate, 1),
        "speedup_cpu": round(naive_cps / exec_cps, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
