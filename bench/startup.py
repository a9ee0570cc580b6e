"""Start-up: `redline --help` vs `python -c pass`, both as fresh processes, same run.

    python bench/startup.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def best_of(argv: list[str], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    base_min, base_med = best_of([sys.executable, "-c", "pass"], args.repeat)
    help_min, help_med = best_of([sys.executable, "-m", "redline", "--help"], args.repeat)
    print(f"python -c pass : min {base_min * 1000:6.1f} ms, median {base_med * 1000:6.1f} ms")
    print(f"redline --help : min {help_min * 1000:6.1f} ms, median {help_med * 1000:6.1f} ms")
    print(f"ratio (median) : {help_med / base_med:.2f}x; extra {1000 * (help_med - base_med):.0f} ms")


if __name__ == "__main__":
    main()
