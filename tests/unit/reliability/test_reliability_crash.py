"""`redline run` killed at random points (SIGKILL, SIGINT) resumes to the same result as an uninterrupted run."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from redline.store.jsonl import iter_json

MODEL = "scripted/effect?latency=0.004"
ARGS = ["--suite", "smoke", "--model", MODEL, "--replicates", "25", "--concurrency", "4", "--no-cache",
        "--quiet", "--seed", "11"]


def redline(*args: str, runs_dir: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen([sys.executable, "-m", "redline", "run", *ARGS, "--runs-dir", str(runs_dir), *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def check_files(run: Path) -> None:
    """Right after a kill a torn last line may exist (the next open cuts it); complete lines never repeat."""
    ids = [obj["trial_id"] for _, obj in iter_json(run / "generations.jsonl")]
    assert len(ids) == len(set(ids))


def stats_of(run: Path) -> dict:
    data = json.loads((run / "stats.json").read_text())
    data.pop("generated_at", None)
    data.pop("run", None)
    return data


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_kill_and_resume_matches_uninterrupted(tmp_path: Path, sig: int) -> None:
    rng = random.Random(1234 + sig)
    ref_dir = tmp_path / "ref"
    ref = redline("--run-id", "r", runs_dir=ref_dir)
    out, err = ref.communicate(timeout=300)
    assert ref.returncode == 0, err.decode()[-2000:]

    runs = tmp_path / "runs"
    kills = 0
    for _ in range(40):
        proc = redline("--run-id", "r", runs_dir=runs)
        time.sleep(rng.uniform(0.3, 2.5))  # start-up, generation, judging or reporting
        if proc.poll() is None:
            proc.send_signal(sig)
            kills += 1
        out, err = proc.communicate(timeout=300)
        if sig == signal.SIGINT and proc.returncode not in (0, None):
            assert b"Traceback" not in err, err.decode()[-2000:]
        check_files(runs / "r")
        if kills >= 10 and proc.returncode == 0:
            break
    assert kills >= 10
    final = redline("--run-id", "r", runs_dir=runs)
    out, err = final.communicate(timeout=300)
    assert final.returncode == 0, err.decode()[-2000:]
    run = runs / "r"
    for name in ("generations.jsonl", "verdicts.jsonl"):
        raw = (run / name).read_bytes()
        assert raw.endswith(b"\n")  # no torn line left behind after the resume
    gens = [json.loads(x) for x in lines(run / "generations.jsonl")]
    assert len(gens) == len({g["trial_id"] for g in gens}) == len(lines(ref_dir / "r" / "trials.jsonl"))
    verdicts = [json.loads(x) for x in lines(run / "verdicts.jsonl")]
    keys = [(v["trial_id"], v["judge_fingerprint"]) for v in verdicts]
    assert len(keys) == len(set(keys)) == len(gens)
    ref_text = {json.loads(x)["trial_id"]: json.loads(x)["text"] for x in lines(ref_dir / "r" / "generations.jsonl")}
    assert {g["trial_id"]: g["text"] for g in gens} == ref_text
    assert stats_of(run) == stats_of(ref_dir / "r")


def test_ctrl_c_while_loading_exits_quietly() -> None:
    """The handler ``python -m redline`` and the ``redline`` script hold while the CLI modules import."""
    from redline.__main__ import _quiet_exit

    with pytest.raises(SystemExit) as exit_info:
        _quiet_exit(signal.SIGINT, None)
    assert exit_info.value.code == 130
