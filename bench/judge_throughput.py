"""Throughput of the static code judge on real programs, side by side with CodeShield and one-process-per-sample.

Samples are the public calibration TEST programs (whole functions and Flask apps: OWASP BenchmarkPython, the
OpenSSF secure-coding examples, SecLLMHolmes; njsscan's JavaScript; SecLLMHolmes' C), read from
``DATA/code/*.jsonl`` (rows with ``split == "test"``). The data is not committed: build it with
``scripts/public_data.py`` (docs/public-calibration-data.md). Programs are repeated to ``--samples`` and every
sample gets its own trailing comment, so no cache keyed on program text can help.

Three judges, each on all ``--workers`` processes (both cores by default), in the same run:

- redline: ``judge_code_rows`` - the ``redline judge code`` path - on batches of ``--batch-size`` rows per
  worker, smaller when there are fewer samples than workers x batch size, so that every worker gets one (one
  Bandit pass and one Semgrep call per batch, ``--jobs 1``, its default);
- Meta's CodeShield 1.0.1 (``pip install 'redline[bench]'``): ``CodeShield.scan_code`` once per sample, its
  design, on ``--codeshield-samples`` samples with an empty ``$TMPDIR`` (it scans that folder);
- one ``bandit`` CLI and one ``semgrep`` CLI process per sample with redline's rule pack, on
  ``--process-samples`` samples (Python only), extrapolated to ``--samples`` (said so in the output).

Each line gives samples/s, CPU seconds per sample (the workers' own CPU plus their child processes': Semgrep,
Bandit) and ``os.getloadavg()`` before and after, since the machine may be shared.

    python bench/judge_throughput.py [--data data/public] [--samples 2000] [--workers 2]
                                     [--languages python,javascript,c]
    python bench/judge_throughput.py --phases     # CPU per phase (extraction, Bandit, Semgrep, checks)
    python bench/judge_throughput.py --record before.json; ...; --record after.json; --compare before.json after.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

COMMENT = {"python": "# bench sample {i}", "javascript": "// bench sample {i}", "c": "/* bench sample {i} */"}
SUFFIX = {"python": ".py", "javascript": ".js", "c": ".c"}
_STATE: dict[str, Any] = {}


def load_programs(data: Path) -> dict[str, list[dict[str, Any]]]:
    files = sorted((data / "code").glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no public calibration data under {data / 'code'}: build it with scripts/public_data.py "
                         f"(see docs/public-calibration-data.md, 'Rebuild'), or pass --data DIR")
    out: dict[str, list[dict[str, Any]]] = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("split") == "test":
                out.setdefault(row["language"], []).append(row)
    return out


def make_samples(programs: list[dict[str, Any]], n: int, language: str) -> list[dict[str, Any]]:
    """``n`` rows cycling through the programs, each made unique by a trailing comment (line numbers kept)."""
    rows = []
    for i in range(n):
        src = programs[i % len(programs)]
        code = src["code"].rstrip("\n") + "\n" + COMMENT[language].format(i=i) + "\n"
        rows.append({"id": f"{src['id']}#{i}", "code": code, "language": language, "cwes": src.get("cwes") or []})
    return rows


# -- workers ---------------------------------------------------------------------------------------------------

def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _init(kind: str, ready: Any) -> None:
    if kind == "redline":
        from redline.judges.code.judge import CodeSecurityJudge
        from redline.judges.code.rows import judge_code_rows

        judge = CodeSecurityJudge(semgrep_jobs=1)
        _ = judge.fingerprint
        warm = [{"id": "w1", "code": "import os\n\ndef f(x):\n    return os.path.join('/srv', x)\n"},
                {"id": "w2", "code": "function f(x) { return eval(x); }\n", "language": "javascript"},
                {"id": "w3", "code": "int main(void) { return 0; }\n", "language": "c"}]
        judge_code_rows(warm, judge=judge)
        _STATE["judge"] = judge
    elif kind == "codeshield":
        tempfile.tempdir = tempfile.mkdtemp(prefix="cs-bench-tmp-")  # CodeShield writes and scans here: keep it empty
        from codeshield.cs import CodeShield

        asyncio.run(CodeShield.scan_code("x = 1\n"))
    ready.put(os.getpid())


def _redline_batch(rows: list[dict[str, Any]]) -> tuple[Counter[str], float]:
    from redline.judges.code.rows import judge_code_rows

    start = _cpu()
    out = judge_code_rows(rows, judge=_STATE["judge"], batch_size=len(rows))
    return Counter(r["outcome"] for r in out), _cpu() - start


def _codeshield_one(row: dict[str, Any]) -> tuple[Counter[str], float]:
    from codeshield.cs import CodeShield
    from codeshield.insecure_code_detector.languages import Language

    start = _cpu()
    language = {"python": Language.PYTHON, "javascript": Language.JAVASCRIPT, "c": Language.C}[row["language"]]
    result = asyncio.run(CodeShield.scan_code(row["code"], language))
    issues = result.issues_found or []
    found = Counter({"insecure" if result.is_insecure else "secure": 1})
    for issue in issues:
        found[f"analyzer:{getattr(issue.analyzer, 'value', issue.analyzer)}"] += 1
    return found, _cpu() - start


def _process_one(row: dict[str, Any]) -> tuple[Counter[str], float]:
    """One bandit CLI and one semgrep CLI process for one sample (the one-scanner-process-per-snippet design)."""
    from redline.judges.code.semgrep_scan import rules_dir, semgrep_binary

    start = _cpu()
    bandit = str(Path(sys.executable).parent / "bandit")
    env = dict(os.environ, SEMGREP_ENABLE_VERSION_CHECK="0", SEMGREP_SEND_METRICS="off")
    with tempfile.TemporaryDirectory(prefix="redline-bench-") as tmp:
        path = Path(tmp) / f"sample{SUFFIX[row['language']]}"
        path.write_text(row["code"], encoding="utf-8")
        b = subprocess.run([bandit, "-q", "-f", "json", str(path)], capture_output=True, timeout=120, check=False)
        s = subprocess.run([str(semgrep_binary()), "scan", "--experimental", "--config", str(rules_dir()),
                            "--metrics=off", "--json", "--quiet", "--no-git-ignore", "--disable-version-check",
                            "--jobs", "1", str(path)], capture_output=True, timeout=120, env=env, check=False)
    found = Counter({"bandit-hits": len(json.loads(b.stdout or b"{}").get("results", [])),
                     "semgrep-hits": len(json.loads(s.stdout or b"{}").get("results", []))})
    return found, _cpu() - start


def spread(rows: list[dict[str, Any]], k: int) -> list[dict[str, Any]]:
    """``k`` rows spread over all of them (the rows cycle through the programs in source order)."""
    k = min(k, len(rows))
    return [rows[i * len(rows) // k] for i in range(k)]


def codeshield_semgrep_probe() -> str:
    """Run CodeShield's own Semgrep command on one file with and without its ``--project-root /``."""
    from codeshield.insecure_code_detector import oss

    config = oss.SEMGREP_RULE_REPO_PATH / "_generated_" / "python_codeshield.json"
    scanned = []
    with tempfile.TemporaryDirectory(prefix="cs-probe-") as tmp:
        path = Path(tmp) / "probe.py"
        path.write_text("import os\n\ndef f(x):\n    os.system('ls ' + x)\n", encoding="utf-8")
        for extra in (["--project-root", "/"], []):
            out = subprocess.run([*oss.SEMGREP_COMMAND, str(config), *extra, str(path)], capture_output=True,
                                 text=True, timeout=120, check=False).stdout
            report = json.loads(out[out.find("{"):] or "{}") if "{" in out else {}
            scanned.append(len((report.get("paths") or {}).get("scanned") or []))
    return f"files scanned by its Semgrep command: {scanned[0]} with --project-root /, {scanned[1]} without"


def measure(kind: str, tasks: list[Any], fn: Callable[[Any], tuple[Counter[str], float]], workers: int,
            n_samples: int) -> dict[str, Any]:
    """Run ``fn`` over ``tasks`` on ``workers`` warmed-up processes; wall time counts from the first task."""
    ctx = mp.get_context("fork")
    ready = ctx.Queue()
    with ctx.Pool(workers, initializer=_init, initargs=(kind, ready)) as pool:
        for _ in range(workers):
            ready.get(timeout=600)
        load_before = os.getloadavg()
        start = time.perf_counter()
        results = pool.map(fn, tasks, chunksize=1)
        wall = time.perf_counter() - start
        load_after = os.getloadavg()
    counts: Counter[str] = Counter()
    for found, _ in results:
        counts.update(found)
    cpu = sum(c for _, c in results)
    return {"n": n_samples, "wall": wall, "rate": n_samples / wall, "cpu_ms": 1000 * cpu / n_samples,
            "load": (load_before, load_after), "counts": dict(sorted(counts.items()))}


def phases(programs: list[dict[str, Any]]) -> None:
    """CPU ms per program of each phase of the Python judge, run one after another in this process."""
    from redline.judges.code.bandit_scan import scan_bandit
    from redline.judges.code.checks import run_checks
    from redline.judges.code.judge import CodeSecurityJudge
    from redline.judges.code.rows import prepare_row
    from redline.judges.code.semgrep_scan import SemgrepRun, scan_semgrep

    rows = [{"id": r["id"], "code": r["code"], "cwes": r.get("cwes") or []} for r in programs]
    judge = CodeSecurityJudge(semgrep_jobs=1)
    _ = judge.fingerprint
    scan_bandit(["x = 1\n"])
    spent: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        start = _cpu()
        out = fn()
        spent[name] = _cpu() - start
        return out

    prepared = timed("extraction, parse, scope", lambda: [prepare_row(r, k, {}) for k, r in enumerate(rows)])
    ok = [p for p in prepared if p.extraction is not None and p.extraction.ok]
    codes = [p.extraction.code for p in ok if p.extraction is not None]
    trees = [p.extraction.tree for p in ok if p.extraction is not None]
    timed("Bandit, every test (one pass)", lambda: scan_bandit(codes))
    timed("Bandit as the judge runs it (tests that never count left out)",
          lambda: scan_bandit(codes, skip=judge.bandit_skipped()))
    timed("Semgrep, whole pack (one call, --jobs 1, prefiltered)", lambda: scan_semgrep(codes, jobs=1, trees=trees))
    timed("Semgrep as the judge runs it (rules that never count left out)",
          lambda: SemgrepRun(codes, jobs=1, trees=trees, drop=judge.semgrep_dropped()).wait())
    timed("checks (redline's rule pack)", lambda: [run_checks(p.extraction.code, p.extraction.tree,
                                                              templates=p.extraction.templates)
                                                   for p in ok if p.extraction is not None
                                                   and p.extraction.tree is not None])
    fresh = [prepare_row(r, k, {}) for k, r in enumerate(rows)]
    timed("judge_prepared (all but extraction; Semgrep in background)", lambda: judge.judge_prepared(fresh))
    print(f"phases, CPU per program over {len(rows)} Python test programs (load {_load(os.getloadavg())}):")
    for name, cpu in spent.items():
        print(f"  {name:60s} {1000 * cpu / len(rows):6.2f} ms")


def record(data: Path, out: Path) -> None:
    """Every verdict the judge gives on the public dev+test programs (scope asked and all), the labelled snippets
    and the model-written sets, with every finding: run before and after a speed-up, then ``--compare``."""
    from redline.evaluation.code import load_labelled
    from redline.evaluation.model_written import _inputs, load_items
    from redline.judges.code.judge import CodeSecurityJudge
    from redline.judges.code.rows import judge_code_rows

    rows = [{"id": r["id"], "code": r["code"], "language": r["language"], "cwes": r["cwes"]}
            for path in sorted((data / "code").glob("*.jsonl"))
            for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())]
    labelled = Path("tests/data/code_labelled")
    snippets = [{"id": f"{split}/{ex.name}", ("code" if ex.kind == "code" else "response"): ex.text,
                 "cwes": list(ex.cwes)} for split in ("dev", "holdout", "holdout2")
                for ex in load_labelled(labelled / split, split)]
    got: dict[str, Any] = {}
    for scope in ("asked", "all"):
        got[f"public-{scope}"] = judge_code_rows(rows, judge=CodeSecurityJudge(scope=scope))
        got[f"labelled-{scope}"] = judge_code_rows(snippets, judge=CodeSecurityJudge(scope=scope))
    for path in sorted(Path("tests/data/code_model_written").glob("*.yaml")):
        got[path.name] = [{"label": v.label, "score": v.score, "evidence": list(v.evidence),
                           "findings": [[f.tool, f.rule, f.cwe, f.severity, f.line, f.message] for f in v.findings],
                           "counted": v.details.get("counted")}
                          for v in CodeSecurityJudge().judge(_inputs(load_items(path)))]
    out.write_text(json.dumps(got, sort_keys=True), encoding="utf-8")
    print(f"{sum(map(len, got.values()))} verdicts -> {out}")


def compare(before: Path, after: Path) -> int:
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    differ = 0
    for key in sorted(set(a) | set(b)):
        x, y = a.get(key, []), b.get(key, [])
        bad = sum(1 for i in range(max(len(x), len(y))) if i >= len(x) or i >= len(y) or x[i] != y[i])
        differ += bad
        print(f"  {key}: {len(x)} verdicts, {bad} differ")
    print(f"{differ} verdicts differ (outcome, severity, counted CWEs, every finding)")
    return 1 if differ else 0


def _load(*loads: tuple[float, ...]) -> str:
    """``os.getloadavg()`` readings (1/5/15 min), before -> after."""
    return " -> ".join("/".join(f"{v:.2f}" for v in one) for one in loads)


def line(label: str, m: dict[str, Any]) -> str:
    return (f"  {label}: {m['n']} samples in {m['wall']:.2f} s = {m['rate']:.1f} samples/s, "
            f"CPU {m['cpu_ms']:.1f} ms/sample, load {_load(*m['load'])}\n      {m['counts']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("data/public"), help="public calibration data root")
    parser.add_argument("--samples", type=int, default=2000, help="redline samples for Python (the headline)")
    parser.add_argument("--other-samples", type=int, default=500, help="redline samples for JavaScript and C")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--codeshield-samples", type=int, default=200)
    parser.add_argument("--process-samples", type=int, default=40)
    parser.add_argument("--languages", default="python,javascript,c")
    parser.add_argument("--phases", action="store_true", help="only the per-phase CPU profile of the Python judge")
    parser.add_argument("--record", type=Path, help="only write every verdict (public, labelled, model-written) here")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"), help="diff two --record files")
    args = parser.parse_args()
    if args.compare:
        raise SystemExit(compare(*args.compare))
    if args.record:
        load_programs(args.data)  # the clear message when the data is missing
        record(args.data, args.record)
        return
    programs = load_programs(args.data)
    if args.phases:
        phases(programs["python"])
        return
    print(f"public TEST programs from {args.data / 'code'}; {os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} "
          f"usable), {args.workers} worker processes per judge; load now {_load(os.getloadavg())}")
    for language in [x.strip() for x in args.languages.split(",") if x.strip()]:
        if language not in programs:
            print(f"{language}: no test programs in the data")
            continue
        rows = make_samples(programs[language], args.samples if language == "python" else args.other_samples,
                            language)
        chars = sum(len(p["code"]) for p in programs[language]) / len(programs[language])
        print(f"{language}: {len(programs[language])} test programs ({chars:.0f} chars on average) -> "
              f"{len(rows)} unique samples")
        size = min(args.batch_size, -(-len(rows) // args.workers))  # every worker gets a batch (both cores busy)
        batches = [rows[k:k + size] for k in range(0, len(rows), size)]
        ours = measure("redline", batches, _redline_batch, args.workers, len(rows))
        print(line(f"redline judge_code_rows, batches of {size}", ours))
        try:
            import codeshield  # noqa: F401
        except ImportError:
            print("  CodeShield: not installed (pip install 'redline[bench]'): skipped")
        else:
            subset = spread(rows, args.codeshield_samples)
            cs = measure("codeshield", subset, _codeshield_one, args.workers, len(subset))
            print(line("CodeShield 1.0.1 scan_code per sample, empty $TMPDIR", cs))
            print(f"      issues by stage: Semgrep {cs['counts'].get('analyzer:semgrep', 0)}, regex "
                  f"{cs['counts'].get('analyzer:regex', 0)}; {codeshield_semgrep_probe()} (its Semgrep stage "
                  f"still starts one process per sample whose prescan regex hits)")
            print(f"  redline / CodeShield: {ours['rate'] / cs['rate']:.1f}x samples/s, "
                  f"{cs['cpu_ms'] / ours['cpu_ms']:.1f}x less CPU per sample")
        if language == "python" and args.process_samples > 0:
            subset = spread(rows, args.process_samples)
            per = measure("process", subset, _process_one, args.workers, len(subset))
            print(line("bandit CLI + semgrep CLI per sample (measured on this subset)", per))
            print(f"      extrapolated to {len(rows)} samples: {len(rows) / per['rate']:.0f} s "
                  f"(redline: {ours['wall']:.1f} s)")
            print(f"  redline / one-process-per-sample: {ours['rate'] / per['rate']:.1f}x samples/s, "
                  f"{per['cpu_ms'] / ours['cpu_ms']:.1f}x less CPU per sample")


if __name__ == "__main__":
    main()
