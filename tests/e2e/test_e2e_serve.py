"""`redline serve` with the real embedded model: it answers OpenAI chat requests and Ctrl-C stops it cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e

SRC = str(Path(__file__).resolve().parents[2] / "src")


def test_serve_answers_and_stops_on_ctrl_c() -> None:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "redline", "serve", "--port", "0", "--parallel", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:  # blocks until the server printed where it listens (or the process died)
            lines.append(line.rstrip("\n"))
            if line.startswith("audit it:"):
                break
        base = next(x.split(": ", 1)[1] for x in lines if x.startswith("base url: "))
        assert base.startswith("http://127.0.0.1:") and base.endswith("/v1")
        assert "slots: 2 (use --concurrency 2)" in lines
        body = {"model": "gemma-3-270m", "max_tokens": 12, "temperature": 0,
                "messages": [{"role": "user", "content": "Say hello."}]}
        reply = httpx.post(base + "/chat/completions", json=body, timeout=120).json()
        assert reply["choices"][0]["message"]["content"].strip()
        assert reply["usage"]["completion_tokens"] > 0
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.strip().splitlines()[-1] == "server stopped"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
