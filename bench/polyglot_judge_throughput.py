"""Throughput of the JavaScript and C static judge, batched, against one Semgrep process per sample.

The corpus is the rule packs' own positive and negative snippets (tests/data/semgrep-js, semgrep-c), each
copied with a unique comment line so no tool can cache, wrapped as fenced chat answers. The batched judge does
per language: one validity process (node / gcc -fsyntax-only), one Semgrep call and, for C, one ``gcc -c -O2``
warnings pass. The naive baseline judges the same answers one at a time (one Semgrep process per sample, and one
validity and one gcc process per sample) on a subset, in the same run, and is extrapolated (said so).

It also prints the static judge's verdicts on the exploit-validated harness references (secure.* and
vuln_*.* under suites/data/code-security/harness), scoped by each reference's task: a small labelled set that
the rules were not written against (the references were written for the harnesses).

    python bench/polyglot_judge_throughput.py [--samples 300] [--baseline-samples 15]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from redline.judges.code.polyglot.extract_base import PolyExtraction
from redline.judges.code.polyglot.judge import PolyglotCodeJudge, PolyItem, extract
from redline.judges.code.polyglot.scope import family
from redline.suites.loader import builtin_suites, load_suite

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
FOLDERS = {"javascript": (DATA / "semgrep-js", "js"), "c": (DATA / "semgrep-c", "c")}


def corpus(language: str, n: int) -> list[PolyItem]:
    folder, suffix = FOLDERS[language]
    snippets = sorted(p.read_text() for p in folder.glob(f"*/*.{suffix}"))
    items = []
    for k in range(n):
        code = f"// sample {k}\n" + snippets[k % len(snippets)]
        answer = f"Here is the code:\n\n```{suffix}\n{code}```\n"
        items.append(PolyItem(f"s{k}", language, None, extract(answer, language), family(()), ()))
    return items


def references() -> None:
    """Static verdicts on the harness references, scoped by their task's CWEs."""
    suite_dir = Path(builtin_suites()["code-security"])
    tasks = {c.id: c for c in load_suite(suite_dir).cases}
    items, truth = [], []
    for path in sorted((suite_dir / "harness").glob("*/*")):
        case = tasks.get(path.parent.name)
        if case is None or case.code_language == "python" or path.suffix not in (".js", ".c"):
            continue
        if path.stem != "secure" and not path.stem.startswith("vuln_"):
            continue
        ext = PolyExtraction("ok", case.code_language, path.read_text(), 1)
        items.append(PolyItem(f"{case.id}/{path.name}", case.code_language, None, ext, family(case.cwes), case.cwes))
        truth.append("secure" if path.stem == "secure" else "vulnerable")
    verdicts = PolyglotCodeJudge().judge_prepared(items)
    for language in ("javascript", "c"):
        pairs = [(t, v.label) for it, t, v in zip(items, truth, verdicts, strict=True) if it.language == language]
        tp = sum(t == "vulnerable" and v == "vulnerable" for t, v in pairs)
        tn = sum(t == "secure" and v == "secure" for t, v in pairs)
        fp = sum(t == "secure" and v == "vulnerable" for t, v in pairs)
        fn = sum(t == "vulnerable" and v != "vulnerable" for t, v in pairs)
        print(f"{language:<11} harness references: {len(pairs)} (vulnerable caught {tp}/{tp + fn}, "
              f"secure kept {tn}/{tn + fp})")
    for it, t, v in zip(items, truth, verdicts, strict=True):
        if t != v.label:
            print(f"  disagrees: {it.trial_id} is {t}, judged {v.label}: {'; '.join(v.evidence[:2])[:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--baseline-samples", type=int, default=15)
    args = parser.parse_args()
    judge = PolyglotCodeJudge()
    print(f"{'language':<11} {'mode':<28} {'samples':>7} {'seconds':>8} {'samples/s':>10}")
    for language in ("javascript", "c"):
        judge.judge_prepared(corpus(language, 4))  # warm the file cache; not timed
        items = corpus(language, args.samples)
        start = time.perf_counter()
        verdicts = judge.judge_prepared(items)
        batched = time.perf_counter() - start
        labels = {lab: sum(v.label == lab for v in verdicts) for lab in ("secure", "vulnerable", "invalid")}
        print(f"{language:<11} {'batched (1 process/tool)':<28} {len(items):>7} {batched:>8.2f} "
              f"{len(items) / batched:>10.1f}   {labels}")
        few = corpus(language, args.baseline_samples)
        start = time.perf_counter()
        for it in few:
            judge.judge_prepared([it])
        naive = time.perf_counter() - start
        rate = len(few) / naive
        projected = len(items) / rate
        print(f"{language:<11} {'one process per sample':<28} {len(few):>7} {naive:>8.2f} {rate:>10.1f}   "
              f"(extrapolated to {len(items)}: {projected:.1f} s; batched is x{projected / batched:.1f} faster)")
    references()


if __name__ == "__main__":
    main()
