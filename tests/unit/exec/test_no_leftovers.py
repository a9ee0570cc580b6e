"""Regression: running harnesses leaves no ``t-*`` work folders behind, in the repository or anywhere else.

The folders once found in three harness folders came from the standalone mode (``python harness.py CANDIDATE``,
used for debugging and by the naive benchmark): it made each test's folder under ``$TMPDIR`` or the cwd and
exited with ``os._exit`` without removing them, so a run from inside a harness folder littered it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from redline.judges.exec import judge_sources, open_pool
from redline.judges.exec.harness import HARNESS_ROOT, LIB_DIR, harnesses
from tests.unit.exec.conftest import namespace_or_skip

BOOT = ("import runpy, sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; sys.argv = sys.argv[3:]; "
        "runpy.run_path(sys.argv[0], run_name='__main__')")
TASK = "cfg-cli-token-file"  # a small harness whose references are this project's own code


def _harness_tree() -> set[str]:
    return {str(p.relative_to(HARNESS_ROOT)) for p in HARNESS_ROOT.rglob("*") if "__pycache__" not in p.parts}


@pytest.mark.parametrize("tmpdir_set", [False, True])
def test_standalone_harness_leaves_nothing_in_its_cwd_or_tmpdir(tmp_path: Path, tmpdir_set: bool) -> None:
    info = harnesses()[TASK]
    cwd = tmp_path / "cwd"
    tmp = tmp_path / "tmp"
    cwd.mkdir()
    tmp.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "TMPDIR"}
    if tmpdir_set:
        env["TMPDIR"] = str(tmp)
    before = _harness_tree()
    proc = subprocess.run([sys.executable, "-I", "-c", BOOT, str(LIB_DIR), str(info.folder),
                           str(info.folder / "harness.py"), str(info.references["secure"])],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert '"task": "cfg-cli-token-file"' in proc.stdout  # it did run the tests
    assert list(cwd.iterdir()) == []
    assert list(tmp.iterdir()) == []
    assert _harness_tree() == before


def test_the_judge_leaves_no_work_folders() -> None:
    namespace_or_skip()
    before = _harness_tree()
    jwt = harnesses()["ac-jwt-current-user"]
    items = [(TASK, harnesses()[TASK].references["secure"].read_text()),
             (jwt.task, jwt.references["secure"].read_text()),
             (TASK, "raise ImportError('this module does not import')\n")]
    with open_pool("namespace", workers=2) as pool:
        workdirs = [s._workdir for s in pool.sessions]
        results = judge_sources(pool, items)
        workdirs += [s._workdir for s in pool.sessions]
        started = [w for w in workdirs if w is not None]
        assert started and all(os.path.isdir(w) for w in started)
        # between jobs a worker keeps nothing of the last one in its work folder
        assert all(os.listdir(w) == [] for w in started)
    assert [r.outcome.value for r in results] == ["secure", "secure", "not_runnable"]
    assert not any(os.path.exists(w) for w in started)
    assert _harness_tree() == before
