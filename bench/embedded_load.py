"""Embedded model throughput with and without competing CPU load, for the old and the new thread default.

    python bench/embedded_load.py [--busy 1] [--requests 4] [--max-tokens 64] [--threads N ...]

llama.cpp threads busy-wait for each other, so one thread that loses its core to another process stalls the
rest. This starts the embedded model (one slot, as `redline run` does) once per thread count, measures
completion tokens/s over the same greedy requests, then again while ``--busy`` other processes spin in
``while True`` loops, and prints loaded / unloaded per thread count. Thread counts default to every core
(the old default) and cores - 1 (the new one). "calm" means no busy loops of ours: the load average printed
beside each line says what else the machine was doing.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import time

import httpx


def spin() -> None:
    while True:
        pass


def tokens_per_second(base_url: str, requests: int, max_tokens: int) -> float:
    prompts = [f"def parse_record_{i}(line):\n    \"\"\"Split a CSV line into fields.\"\"\"\n" for i in range(requests)]
    tokens = 0
    started = time.perf_counter()
    with httpx.Client(base_url=base_url, timeout=600) as client:
        for prompt in prompts:
            r = client.post("/completions", json={"prompt": prompt, "max_tokens": max_tokens, "temperature": 0.0,
                                                  "cache_prompt": False, "ignore_eos": True})
            r.raise_for_status()
            tokens += int(r.json()["usage"]["completion_tokens"])
    return tokens / (time.perf_counter() - started)


def measure(threads: int, busy: int, requests: int, max_tokens: int) -> tuple[float, float]:
    import xllamacpp as xl

    from redline.backends.embedded import server_params

    server = xl.Server(server_params(slots=1, threads=threads))
    address = str(server.listening_address)
    base_url = (address if address.startswith("http") else "http://" + address) + "/v1"
    tokens_per_second(base_url, 1, 8)  # warm-up
    calm = tokens_per_second(base_url, requests, max_tokens)
    spinners = [mp.Process(target=spin, daemon=True) for _ in range(busy)]
    for p in spinners:
        p.start()
    try:
        loaded = tokens_per_second(base_url, requests, max_tokens)
    finally:
        for p in spinners:
            p.terminate()
            p.join()
    del server
    return calm, loaded


def main() -> None:
    from redline.backends.embedded import default_threads

    cores = len(os.sched_getaffinity(0))
    ap = argparse.ArgumentParser()
    ap.add_argument("--busy", type=int, default=1, help="competing processes, each a busy loop")
    ap.add_argument("--requests", type=int, default=4)
    ap.add_argument("--max-tokens", type=int, default=64)
    ap.add_argument("--threads", type=int, action="append", help="thread counts to try (repeatable)")
    args = ap.parse_args()
    counts = args.threads or sorted({cores, default_threads()}, reverse=True)
    print(f"cores {cores}, default threads {default_threads()}, busy processes {args.busy}, "
          f"{args.requests} requests x {args.max_tokens} tokens")
    for threads in counts:
        before = os.getloadavg()[0]
        calm, loaded = measure(threads, args.busy, args.requests, args.max_tokens)
        print(f"threads {threads}: calm {calm:6.1f} tok/s, under load {loaded:6.1f} tok/s, "
              f"ratio {loaded / calm:.3f} (1-minute load average before: {before:.1f})")


if __name__ == "__main__":
    main()
