"""Samples/s of the code-exec judge in the namespace sandbox, beside a naive loop, in the same run.

Wall-clock rates depend on how busy the machine is (the load average is printed); CPU seconds per sample
do not, and ``samples_per_s_on_idle_cores`` is ``min(workers, cores) / cpu_s_per_sample``: the rate the same
work would reach, CPU-bound, on that many otherwise idle cores. The wall rate falls short of it when workers
wait (app servers starting, pipes, log files, probe limits); the judge's default of two workers per core
(``judges.exec.judge.default_workers``) keeps the cores busy through those waits.

code-exec: a pool of pre-forked sandbox workers (Flask and the harness library imported once), one forked
child per sample and per test. Naive: one fresh sandbox and interpreter per test (`unshare ... python
harness.py CANDIDATE --test NAME`), run over the same number of parallel slots. Inside one test both paths run a
JavaScript harness's node calls in one node host (``_lib/hhost.py``); code-exec runs a whole sample in one.

Samples are the harnesses' reference programs (secure and vulnerable), drawn stratified by language in
proportion to each language's number of tasks (seeded shuffle, cycled when more samples than references are
asked for; ``--samples 0``: every reference once). Each sample gets a unique trailing comment, so no cache keyed
by the program text could serve a repeat. Both paths must agree on every outcome they judge. Per-language CPU
seconds and idle-core rates come from the same run (the pool's own overhead is shared out by samples).

    PYTHONPATH=src python bench/exec_throughput.py --samples 120 --naive-samples 16 [--workers N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from redline.judges.exec import open_pool
from redline.judges.exec.harness import LIB_DIR, HarnessInfo, harnesses, run_sources
from redline.judges.exec.judge import default_workers, judge_sources
from redline.judges.exec.outcome import classify
from redline.judges.exec.validate import expectation
from redline.sandbox import scrubbed_env
from redline.sandbox.kinds import namespace_wrap

BOOT = ("import runpy, sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; sys.argv = sys.argv[3:]; "
        "runpy.run_path(sys.argv[0], run_name='__main__')")


COMMENT = {"python": "# {}\n", "javascript": "// {}\n", "c": "/* {} */\n"}


def samples(n: int, tasks: list[str] | None, seed: int = 19) -> list[tuple[HarnessInfo, str, str]]:
    """``n`` reference programs, stratified by language (shares proportional to task counts), each unique."""
    infos = [info for task, info in sorted(harnesses().items()) if tasks is None or task in tasks]
    rng = random.Random(seed)
    by_lang: dict[str, list[tuple[HarnessInfo, str, str]]] = {}
    for info in infos:
        by_lang.setdefault(info.language, []).extend((info, ref, path.read_text())
                                                     for ref, path in info.references.items())
    for refs in by_lang.values():
        rng.shuffle(refs)
    if n <= 0:
        picked = [item for refs in by_lang.values() for item in refs]
    else:
        n_tasks = {lang: sum(1 for i in infos if i.language == lang) for lang in by_lang}
        quota = {lang: n * n_tasks[lang] // len(infos) for lang in by_lang}
        for lang in sorted(by_lang, key=lambda x: -n_tasks[x])[:n - sum(quota.values())]:
            quota[lang] += 1
        cycles = {lang: itertools.cycle(refs) for lang, refs in by_lang.items()}
        picked = [next(cycles[lang]) for lang in by_lang for _ in range(quota[lang])]
    rng.shuffle(picked)  # languages interleaved, as a real run's mix would be
    tag = f"rl-bench {os.getpid()}-{time.time_ns()}"
    return [(info, ref, src.rstrip("\n") + "\n" + COMMENT[info.language].format(f"{tag} sample {k}"))
            for k, (info, ref, src) in enumerate(picked)]


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
        # its tests' folders on the sandbox's private tmpfs (/srv), as the code-exec workers' are on theirs
        proc = subprocess.run(namespace_wrap(work, argv), capture_output=True, text=True, timeout=120,
                              env=scrubbed_env(work, {"TMPDIR": "/srv"}), check=False)
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


def naive_subset(items: list[tuple[HarnessInfo, str, str]], n: int) -> list[int]:
    """Indices of ``n`` of ``items`` with the same language shares (the first ones of each language)."""
    langs = sorted({info.language for info, _, _ in items})
    share = {lang: sum(1 for info, _, _ in items if info.language == lang) for lang in langs}
    quota = {lang: max(1, round(n * share[lang] / len(items))) for lang in langs}
    picked: list[int] = []
    for lang in langs:
        picked += [k for k, (info, _, _) in enumerate(items) if info.language == lang][:quota[lang]]
    return sorted(picked)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=120, help="0: every reference once")
    ap.add_argument("--naive-samples", type=int, default=16)
    ap.add_argument("--workers", type=int, default=default_workers(),
                    help="sandbox workers (default: the judge's, two per core)")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--tasks", nargs="*", help="only these tasks (default: every harness)")
    ap.add_argument("--per-sample", help="write each sample's task, reference, language, CPU s and verdict here")
    args = ap.parse_args()
    cores = min(args.workers, os.cpu_count() or 1)  # the cores the work can use at once

    items = samples(args.samples, args.tasks, args.seed)
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
    first: dict[str, float] = {}
    for a in warm:
        first[a["worker"]] = min(first.get(a["worker"], 1e9), float(a["worker_cpu_s"]))
    last: dict[str, float] = {}
    for a in answers:
        last[a["worker"]] = max(last.get(a["worker"], 0.0), float(a["worker_cpu_s"]))
    worker_loop_cpu = sum(last[p] - first.get(p, 0.0) for p in last)
    overhead = (worker_loop_cpu + host_cpu) / len(items)  # shared out evenly
    sample_cpu = [float(a.get("cpu_s", 0.0)) + overhead for a in answers]
    exec_cpu = sum(sample_cpu)
    verdict_ok = [expectation(info, ref, r)[0] for (info, ref, _), r in zip(items, results, strict=True)]

    chosen = naive_subset(items, args.naive_samples)
    naive_items = [items[k] for k in chosen]
    cpu1 = _children_cpu()
    t2 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.workers) as ex:
        naive = list(ex.map(naive_sample, naive_items))
    naive_s = time.perf_counter() - t2
    naive_cpu = _children_cpu() - cpu1
    naive_ok = sum(expectation(info, ref, classify(a))[0] for (info, ref, _), a in zip(naive_items, naive,
                                                                                     strict=True))
    agree = sum(classify(a).outcome is results[k].outcome for k, a in zip(chosen, naive, strict=True))
    exec_rate, naive_rate = len(items) / exec_s, len(naive_items) / naive_s
    exec_cps, naive_cps = exec_cpu / len(items), naive_cpu / len(naive_items)
    paired_cps = sum(sample_cpu[k] for k in chosen) / len(chosen)  # code-exec on the naive loop's samples
    per_lang = {}
    for lang in sorted({info.language for info, _, _ in items}):
        ks = [k for k, (info, _, _) in enumerate(items) if info.language == lang]
        cps = sum(sample_cpu[k] for k in ks) / len(ks)
        per_lang[lang] = {"samples": len(ks), "tasks": len({items[k][0].task for k in ks}),
                          "correct_verdicts": sum(verdict_ok[k] for k in ks), "cpu_s_per_sample": round(cps, 4),
                          "samples_per_s_on_idle_cores": round(cores / cps, 1)}
    if args.per_sample:
        Path(args.per_sample).write_text("".join(
            json.dumps({"task": info.task, "reference": ref, "language": info.language,
                        "cpu_s": round(sample_cpu[k], 4), "outcome": results[k].outcome.value,
                        "as_expected": verdict_ok[k]}) + "\n" for k, (info, ref, _) in enumerate(items)))
    print(json.dumps({
        "cpus": os.cpu_count(), "workers": args.workers, "sandbox": "namespace",
        "load_average_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "tasks": len({info.task for info, _, _ in items}),
        "code_exec": {"samples": len(items), "seconds": round(exec_s, 2), "samples_per_s": round(exec_rate, 2),
                      "pool_start_s": round(started, 2), "correct_verdicts": sum(verdict_ok),
                      "cpu_s_per_sample": round(exec_cps, 4),
                      "of_which_pool_overhead_cpu_s": round(overhead, 4),
                      "samples_per_s_on_idle_cores": round(cores / exec_cps, 1),
                      "per_language": per_lang},
        "naive": {"samples": len(naive_items), "seconds": round(naive_s, 2), "samples_per_s": round(naive_rate, 3),
                  "correct_verdicts": naive_ok, "same_outcome_as_code_exec": agree,
                  "cpu_s_per_sample": round(naive_cps, 3),
                  "samples_per_s_on_idle_cores": round(cores / naive_cps, 2),
                  "code_exec_cpu_s_per_sample_same_samples": round(paired_cps, 4)},
        "speedup_wall": round(exec_rate / naive_rate, 1),
        "speedup_cpu_same_samples": round(naive_cps / paired_cps, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
