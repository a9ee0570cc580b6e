"""Saturation of the embedded model: tokens/s through redline vs direct calls to the same llama.cpp server.

    python bench/embedded_saturation.py [--concurrency 4] [--trials 8] [--max-tokens 48] [--rounds 4]

One xllamacpp server (the embedded backend's) serves both sides at the same concurrency with the same
requests (the smoke suite's trials, autocomplete mode). The direct side is a bare httpx loop; the redline side
is the local executor writing generations.jsonl through the embedded backend. The sides alternate for
``--rounds`` rounds (ABBA order) and each keeps its best rate, so the order and a busy machine's noise do not
decide; the median of the per-round ratios (each round's two runs are adjacent in time) is printed too.
Ratio redline / direct: target >= 0.95 at concurrency 1 and at ``--concurrency``. The defaults finish in a few
minutes on a 2-core machine; the last line is the result as JSON, with the executor's own time per trial
measured against an instant backend (``--overhead-only`` prints just that, in a second).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from redline.backends.base import BackendResult, GenerationRequest
from redline.backends.embedded import EmbeddedBackend
from redline.backends.openai_http import build_payload
from redline.backends.scripted import ScriptedBackend
from redline.records import Usage
from redline.runner.execute import ExecSettings, execute_trials
from redline.store.jsonl import JsonlWriter
from redline.suites.expand import expand_trials
from redline.suites.loader import resolve_suite


async def direct(base_url: str, bodies: list[tuple[str, dict[str, Any]]], concurrency: int) -> tuple[int, float]:
    it = iter(bodies)
    tokens = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=600, limits=limits) as client:
        async def worker() -> None:
            nonlocal tokens
            for path, body in it:
                r = await client.post(path, json=body)
                tokens += r.json()["usage"]["completion_tokens"]
        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return tokens, time.perf_counter() - t0


async def measure(concurrency: int, trials_n: int, max_tokens: int, rounds: int) -> dict[str, Any]:
    trials = expand_trials(resolve_suite("smoke"), replicates=max(1, trials_n // 12 + 1),
                           code_mode="autocomplete")[:trials_n]
    async with EmbeddedBackend(max_concurrency=concurrency) as backend:
        http = await backend._client()  # start the server (the model load is not timed)
        bodies = [build_payload(GenerationRequest.for_trial(t, max_tokens=max_tokens, temperature=0.0),
                                backend.model, extra={"cache_prompt": False}) for t in trials]
        await direct(http.base_url, bodies[:concurrency], concurrency)  # warm-up
        direct_runs: list[tuple[int, float]] = []
        redline_runs: list[tuple[int, float]] = []
        settings = ExecSettings(max_tokens=max_tokens, temperature=0.0, concurrency=concurrency, timeout_s=600)

        async def through_redline() -> tuple[int, float]:
            with tempfile.TemporaryDirectory() as tmp, JsonlWriter(Path(tmp) / "g.jsonl") as w:
                summary = await execute_trials(trials, backend, w, settings=settings)
            if summary.errors:
                raise SystemExit(f"{summary.errors} redline trials failed")
            return summary.completion_tokens, summary.seconds

        for index in range(rounds):  # ABBA: each side goes first in every other round
            if index % 2 == 0:
                direct_runs.append(await direct(http.base_url, bodies, concurrency))
                redline_runs.append(await through_redline())
            else:
                redline_runs.append(await through_redline())
                direct_runs.append(await direct(http.base_url, bodies, concurrency))
    d_rates = [t / s for t, s in direct_runs]
    r_rates = [t / s for t, s in redline_runs]
    return {"concurrency": concurrency, "direct_tok_s": round(max(d_rates), 2), "redline_tok_s": round(max(r_rates), 2),
            "ratio": round(max(r_rates) / max(d_rates), 3),
            "paired_ratio_median": round(statistics.median(r / d for r, d in zip(r_rates, d_rates, strict=True)), 3),
            "tokens": {"direct": sorted({t for t, _ in direct_runs}), "redline": sorted({t for t, _ in redline_runs})},
            "direct_runs": [round(r, 2) for r in d_rates], "redline_runs": [round(r, 2) for r in r_rates]}


class _Instant(ScriptedBackend):
    """A backend that answers at once with a fixed 48-token answer: what is left is the executor's own work."""

    async def generate(self, request: GenerationRequest) -> BackendResult:
        self.calls += 1
        return BackendResult(text="def f(x):\n    return x * 2\n" * 8, finish_reason="stop",
                             usage=Usage(prompt_tokens=40, completion_tokens=48))


async def executor_overhead(n: int = 2400) -> dict[str, float]:
    """Microseconds per trial spent by the executor (request, retries wrapper, record, redaction, one flushed
    JSONL write) beyond a bare loop of backend calls, with an instant backend at concurrency 1."""
    trials = expand_trials(resolve_suite("smoke"), replicates=n // 12 + 1, code_mode="autocomplete")[:n]
    backend = _Instant("echo")
    t0 = time.perf_counter()
    for t in trials:
        await backend.generate(GenerationRequest.for_trial(t, max_tokens=48, temperature=0.0))
    bare_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp, JsonlWriter(Path(tmp) / "g.jsonl") as w:
        summary = await execute_trials(trials, backend, w, settings=ExecSettings(max_tokens=48, concurrency=1))
    return {"trials": len(trials), "bare_us_per_trial": round(bare_s / len(trials) * 1e6, 1),
            "executor_us_per_trial": round(summary.seconds / len(trials) * 1e6, 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--trials", type=int, default=8)
    ap.add_argument("--max-tokens", type=int, default=48)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--overhead-only", action="store_true", help="only the executor's own time per trial (no model)")
    args = ap.parse_args()
    started = time.perf_counter()
    overhead = asyncio.run(executor_overhead())
    if args.overhead_only:
        print(json.dumps({"executor_overhead": overhead}))
        return
    results = []
    for c in sorted({1, args.concurrency}):
        r = asyncio.run(measure(c, args.trials, args.max_tokens, args.rounds))
        results.append(r)
        print(f"concurrency {c}: direct {r['direct_tok_s']:6.1f} tok/s, redline {r['redline_tok_s']:6.1f} tok/s, "
              f"ratio {r['ratio']:.3f} (target >= 0.95), median paired ratio {r['paired_ratio_median']:.3f}",
              flush=True)
    print(json.dumps({"trials": args.trials, "max_tokens": args.max_tokens, "rounds": args.rounds,
                      "load_avg_1m": round(os.getloadavg()[0], 2), "seconds": round(time.perf_counter() - started, 1),
                      "executor_overhead": overhead, "results": results}))


if __name__ == "__main__":
    main()
