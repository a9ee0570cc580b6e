"""Throughput of the JavaScript and C static judge, batched, against one Semgrep process per sample.

The corpus is the rule packs' own positive and negative snippets (tests/data/semgrep-js, semgrep-c), each
copied with a unique comment line so no tool can cache, wrapped as fenced chat answers. The batched judge does
per language: one validity process (node / gcc -fsyntax-only), one Semgrep call and, for C, one ``gcc -c -O2``
warnings pass. The naive baseline judges the same answers one at a time (one Semgrep process per sample, and one
validity and one gcc process per sample) on a subset, in the same run, and is extrapolated (said so).

    python bench/polyglot_judge_throughput.py [--samples 300] [--baseline-samples 15]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from redline.judges.polyglot.judge import PolyglotCodeJudge, PolyItem, extract
from redline.judges.polyglot.scope import family

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


if __name__ == "__main__":
    main()
