"""A judge stage killed part-way resumes: one verdict per (trial, judge), the same verdicts as an unbroken stage."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from redline.cli import cli
from redline.store.jsonl import iter_json


def test_judge_stage_killed_and_resumed(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    args = ["run", "--suite", "smoke", "--model", "scripted/effect", "--replicates", "60", "--runs-dir", str(runs),
            "--run-id", "j", "--no-judge", "--no-report", "--quiet", "--no-cache"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    run = runs / "j"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    rng = random.Random(5)
    kills = 0
    for _ in range(8):
        proc = subprocess.Popen([sys.executable, "-m", "redline", "judge", "run", str(run), "--batch-size", "15"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.8, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=120)
        keys = [(v["trial_id"], v["judge_fingerprint"]) for _, v in iter_json(run / "verdicts.jsonl")]
        assert len(keys) == len(set(keys))
    final = subprocess.run([sys.executable, "-m", "redline", "judge", "run", str(run)], env=env, timeout=300,
                           capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert kills >= 1
    verdicts = [json.loads(line) for line in (run / "verdicts.jsonl").read_text().splitlines()]
    keys = [(v["trial_id"], v["judge_fingerprint"]) for v in verdicts]
    assert len(keys) == len(set(keys)) == 720
    # the same labels as judging the copy in one go
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    for name in ("manifest.json", "trials.jsonl", "cases.jsonl", "generations.jsonl", "references.json"):
        (fresh / name).write_bytes((run / name).read_bytes())
    assert CliRunner().invoke(cli, ["judge", "run", str(fresh)]).exit_code == 0
    labels = {v["trial_id"]: v["label"] for v in verdicts}
    assert labels == {json.loads(x)["trial_id"]: json.loads(x)["label"]
                      for x in (fresh / "verdicts.jsonl").read_text().splitlines()}
