"""Memory of a 100,000-trial scripted run: peak RSS must stay under 500 MB (results stream to disk).

    python bench/memory_100k.py [--trials 100000]

Runs `redline run --model scripted/echo` (generation only) in a child process and reads its peak RSS; the
baseline is the same command with 1,000 trials, measured in the same run, so the ratio shows how memory grows.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time

CHILD = """
import resource, sys
from redline.pipeline.audit import run_audit
from redline.config import make_config
cfg = make_config(suites=("smoke",), model="scripted/echo", replicates=int(sys.argv[1]), runs_dir=sys.argv[2],
                  judge=False, report=False, cache=False, concurrency=64)
r = run_audit(cfg, progress=False)
print(r.trials, r.generation.generated, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure(trials: int) -> tuple[int, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(max(1, trials // 12)), tmp], check=True,
                             capture_output=True, text=True).stdout.split()
        return int(out[0]), int(out[2]) / 1024, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=100_000)
    args = ap.parse_args()
    base_n, base_mb, base_s = measure(1_000)
    n, mb, secs = measure(args.trials)
    print(f"{base_n:>7} trials: peak RSS {base_mb:6.0f} MB, {base_s:6.1f} s")
    print(f"{n:>7} trials: peak RSS {mb:6.0f} MB, {secs:6.1f} s ({n / secs:.0f} trials/s)")
    print(f"ratio peak RSS {n} / {base_n} trials: {mb / base_mb:.2f}; target: under 500 MB -> "
          f"{'met' if mb < 500 else 'NOT met'}")


if __name__ == "__main__":
    main()
