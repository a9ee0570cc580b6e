"""Saturation of the embedded model: tokens/s through redline vs direct calls to the same llama.cpp server.

    python bench/embedded_saturation.py [--concurrency 4] [--trials 16] [--max-tokens 96]

One xllamacpp server (the embedded backend's) serves both sides at the same concurrency with the same
requests (the smoke suite's trials, autocomplete mode). The direct side is a bare httpx loop; the redline side
is the local executor writing generations.jsonl. Ratio redline / direct: target >= 0.95. Also prints
tokens/s at concurrency 1 and the requested concurrency, the figures quoted for the embedded backend.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

import httpx

from redline.backends.base import GenerationRequest
from redline.backends.embedded import EmbeddedBackend
from redline.backends.openai_http import build_payload
from redline.runner.execute import ExecSettings, execute_trials
from redline.store.jsonl import JsonlWriter
from redline.suites.expand import expand_trials
from redline.suites.loader import resolve_suite


async def direct(base_url: str, bodies: list[tuple[str, dict]], concurrency: int) -> tuple[int, float]:
    it = iter(bodies)
    tokens = 0
    async with httpx.AsyncClient(base_url=base_url, timeout=600) as client:
        async def worker() -> None:
            nonlocal tokens
            for path, body in it:
                r = await client.post(path, json=body)
                tokens += r.json()["usage"]["completion_tokens"]
        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return tokens, time.perf_counter() - t0


async def measure(concurrency: int, trials_n: int, max_tokens: int) -> dict[str, float]:
    trials = expand_trials(resolve_suite("smoke"), replicates=max(1, trials_n // 12 + 1),
                           code_mode="autocomplete")[:trials_n]
    backend = EmbeddedBackend(max_concurrency=concurrency)
    http = await backend._client()
    bodies = [build_payload(GenerationRequest.for_trial(t, max_tokens=max_tokens, temperature=0.0), backend.model,
                            extra={"cache_prompt": False}) for t in trials]
    await direct(http.base_url, bodies[:concurrency], concurrency)  # warm-up
    direct_rates, redline_rates = [], []
    for _ in range(2):  # alternate the two sides; keep each side's best, so order and noise do not decide
        d_tokens, d_s = await direct(http.base_url, bodies, concurrency)
        direct_rates.append(d_tokens / d_s)
        with tempfile.TemporaryDirectory() as tmp, JsonlWriter(Path(tmp) / "g.jsonl") as w:
            summary = await execute_trials(trials, backend, w, settings=ExecSettings(
                max_tokens=max_tokens, concurrency=concurrency, timeout_s=600))
        redline_rates.append(summary.completion_tokens / summary.seconds)
    await backend.aclose()
    return {"direct": max(direct_rates), "redline": max(redline_rates)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--trials", type=int, default=16)
    ap.add_argument("--max-tokens", type=int, default=96)
    args = ap.parse_args()
    for c in sorted({1, args.concurrency}):
        r = asyncio.run(measure(c, args.trials, args.max_tokens))
        print(f"concurrency {c}: direct {r['direct']:6.1f} tok/s, redline {r['redline']:6.1f} tok/s, "
              f"ratio {r['redline'] / r['direct']:.3f} (target >= 0.95)")


if __name__ == "__main__":
    main()
