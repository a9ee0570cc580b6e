"""The namespace sandbox contains what model-written code might do. Assertions are on outcomes, never durations."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest

from redline.sandbox import Limits, SandboxConfig, SandboxSession, SandboxUnavailable, choose
from redline.sandbox.kinds import PACKAGE_DIR
from tests.unit.exec.conftest import namespace_or_skip


@pytest.fixture(scope="module")
def box() -> Iterator[SandboxSession]:
    namespace_or_skip()
    limits = Limits(budget_s=30.0, processes=32, address_space_bytes=1024**3)
    with SandboxSession(SandboxConfig(kind="namespace", limits=limits, preload=("json",))) as session:
        yield session


def run(box: SandboxSession, code: str, **job: Any) -> dict[str, Any]:
    return box.run({"files": {"m.py": code}, "script": "m.py", "entry": "entry_script:run",
                    "sys_path": [str(PACKAGE_DIR)], **job})


def script_status(answer: dict[str, Any]) -> dict[str, Any]:
    lines = [ln for ln in answer["lines"] if ln.get("kind") == "script"]
    assert lines, answer
    return lines[0]


def test_auto_picks_an_available_kind_and_none_needs_opt_in() -> None:
    namespace_or_skip()
    assert choose("auto").available
    assert not choose("none").available and "opt-in" in choose("none").reason
    assert choose("none", allow_none=True).available
    assert not choose("chroot").available
    with pytest.raises(SandboxUnavailable):
        SandboxSession(SandboxConfig(kind="none"))


def test_no_network_but_private_loopback(box: SandboxSession) -> None:
    code = """
import socket, json
out = {}
for host in ("1.1.1.1", "10.0.0.1", "93.184.216.34"):
    s = socket.socket(); s.settimeout(5)
    try:
        s.connect((host, 80)); out[host] = "connected"
    except OSError as exc:
        out[host] = type(exc).__name__
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
c = socket.create_connection(srv.getsockname(), timeout=5); conn, _ = srv.accept(); c.sendall(b"ping")
out["loopback"] = conn.recv(4).decode()
print(json.dumps(out))
"""
    answer = run(box, code)
    assert script_status(answer)["exit"] == 0, answer
    out = json.loads(answer["output_tail"].strip().splitlines()[-1])
    assert out.pop("loopback") == "ping"
    assert all(v != "connected" for v in out.values()), out


def test_write_outside_the_temp_dir_fails(box: SandboxSession, tmp_path: Any) -> None:
    target = tmp_path / "escaped.txt"
    code = f"""
import os
ok = []
for path in ({str(target)!r}, "/tmp/rl-escape.txt", "/etc/rl-escape", "/var/tmp/rl-escape"):
    try:
        open(path, "w").write("x"); ok.append(path)
    except OSError:
        pass
open("inside.txt", "w").write("fine")
print("WROTE", ok)
"""
    answer = run(box, code)
    assert script_status(answer)["exit"] == 0, answer
    assert "WROTE []" in answer["output_tail"]
    assert not target.exists() and not os.path.exists("/tmp/rl-escape.txt")


def test_the_work_directory_is_a_private_tmpfs(box: SandboxSession) -> None:
    code = """
import os
open("probe.txt", "w").write("x")
here = os.path.realpath(os.path.dirname(os.getcwd()))
fs = [line.split(" - ")[1].split()[0] for line in open("/proc/self/mountinfo") if line.split()[4] == here]
print("FS", fs[-1:] if fs else fs, "ROOT", here)
"""
    answer = run(box, code)
    assert script_status(answer)["exit"] == 0, answer
    assert "FS ['tmpfs']" in answer["output_tail"], answer["output_tail"]
    root = answer["output_tail"].split("ROOT ", 1)[1].strip()
    assert os.path.isdir(root) and os.listdir(root) == []  # the host sees the empty folder under the mount


def test_nothing_a_job_writes_reaches_the_next_job(box: SandboxSession) -> None:
    run(box, "import os\nopen(os.path.join(os.environ['HOME'], '..', 'rl-left.txt'), 'w').write('x')\n")
    after = run(box, "import os\nprint('LEFT', os.path.exists(os.path.join(os.environ['HOME'], '..', 'rl-left.txt')))")
    assert "LEFT False" in after["output_tail"]


def test_environment_has_no_keys(box: SandboxSession, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-rl-should-never-leak")
    monkeypatch.setenv("REDLINE_TEST_SECRET", "rl-secret-value")
    box.close()  # the next job starts a fresh worker, after the keys were set here
    answer = run(box, "import os, json; print(json.dumps(dict(os.environ)))")
    env = json.loads(answer["output_tail"].strip().splitlines()[-1])
    assert "OPENAI_API_KEY" not in env and "REDLINE_TEST_SECRET" not in env
    assert "sk-rl-should-never-leak" not in answer["output_tail"]
    assert set(env) <= {"PATH", "LANG", "LC_ALL", "HOME", "TMPDIR", "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED",
                        "PYTHONUNBUFFERED", "PWD", "OLDPWD"}  # the last two: set by the setup shell's cd
    assert env["HOME"] == env["TMPDIR"]  # a private per-job directory, not the caller's home


def test_fork_bomb_is_stopped_by_the_process_limit(box: SandboxSession) -> None:
    code = """
import os, time
made = failed = 0
for _ in range(400):
    try:
        pid = os.fork()
    except OSError:
        failed += 1
        continue
    if pid == 0:
        time.sleep(600)
        os._exit(0)
    made += 1
print("MADE", made, "FAILED", failed)
"""
    answer = run(box, code)
    stopped_by_watchdog = any(ln.get("kind") == "limit" for ln in answer["lines"])
    if not stopped_by_watchdog:  # else the kernel refused the forks (pids cgroup or RLIMIT_NPROC)
        made, failed = (int(x) for x in answer["output_tail"].split()[1::2][:2])
        assert made <= 32 + 16 and failed > 0
    assert not answer["timed_out"]
    # every process the job left behind is gone before the next job starts
    after = run(box, "import os; print('PIDS', sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))")
    pids = json.loads(after["output_tail"].split("PIDS", 1)[1].strip())
    assert len(pids) <= 2, pids  # the worker (PID 1) and this job's own process


def test_memory_hog_is_stopped(box: SandboxSession) -> None:
    answer = run(box, "chunks = []\nwhile True:\n    chunks.append(bytearray(64 * 1024 * 1024))\n")
    assert not answer["timed_out"]
    status = script_status(answer)
    assert status["exit"] != 0 and "MemoryError" in status.get("error", "")


def test_file_size_limit(box: SandboxSession) -> None:
    answer = run(box, "open('big', 'wb').write(b'x' * (64 * 1024 * 1024))")
    assert "File too large" in script_status(answer).get("error", "") or script_status(answer)["exit"] != 0


def test_timeout_kills_and_the_worker_goes_on(box: SandboxSession) -> None:
    answer = run(box, "import subprocess\nsubprocess.Popen(['sleep', '600'])\nwhile True:\n    pass\n",
                 budget_s=3.0)
    assert answer["timed_out"] and answer["lines"] == []
    after = run(box, "import os; print('PIDS', len([p for p in os.listdir('/proc') if p.isdigit()]))")
    assert script_status(after)["exit"] == 0
    assert int(after["output_tail"].split("PIDS", 1)[1]) <= 2
