"""Runner overhead: trials/s through `redline run` against an instant local server, vs a bare httpx loop.

    python bench/runner_overhead.py [--trials 3000] [--concurrency 16]

Both sides send the same requests at the same concurrency to the same server in the same run; the ratio
redline / bare is the figure of merit (target >= 0.9). The server lives in a thread of this process, so both
sides share the CPU with it equally.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from _instant_server import instant_server  # noqa: E402

from redline.backends.base import GenerationRequest  # noqa: E402
from redline.backends.openai_http import build_payload  # noqa: E402
from redline.config import make_config  # noqa: E402
from redline.pipeline.audit import plan_trials, run_audit  # noqa: E402
from redline.suites.loader import resolve_suite  # noqa: E402


async def bare(base_url: str, bodies: list[dict], concurrency: int) -> float:
    it = iter(bodies)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits) as client:
        async def worker() -> None:
            for body in it:
                r = await client.post("/chat/completions", json=body)
                r.json()
        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=3000)
    ap.add_argument("--concurrency", type=int, default=16)
    args = ap.parse_args()
    reps = max(1, args.trials // 12)
    with instant_server() as url, tempfile.TemporaryDirectory() as tmp:
        # replicates need sampling (temperature 0 replicates are refused); the instant server ignores it
        cfg = make_config(suites=("smoke",), model="openai/bench", base_url=url, replicates=reps, temperature=0.7,
                          code_mode="instruct", runs_dir=tmp, judge=False, report=False, cache=False,
                          concurrency=args.concurrency)
        trials = plan_trials(cfg, [resolve_suite("smoke")], base_model=False)
        bodies = [build_payload(GenerationRequest.for_trial(t, max_tokens=cfg.max_tokens,
                                                            temperature=cfg.temperature), "bench")[1] for t in trials]
        bare_s = asyncio.run(bare(url, bodies, args.concurrency))
        t0 = time.perf_counter()
        result = run_audit(cfg, progress=False)
        total_s = time.perf_counter() - t0
        gen_s = result.generation.seconds
    n = len(trials)
    print(f"trials: {n}, concurrency: {args.concurrency}")
    print(f"bare httpx loop        : {n / bare_s:8.0f} trials/s")
    print(f"redline executor       : {n / gen_s:8.0f} trials/s (generation stage, JSONL writes included)")
    print(f"redline run (end to end): {n / total_s:8.0f} trials/s (planning, manifest, plan files included)")
    print(f"ratio executor / bare  : {bare_s / gen_s:.2f}  (target >= 0.9)")
    print(f"ratio run / bare       : {bare_s / total_s:.2f}")


if __name__ == "__main__":
    main()
