"""Every JavaScript and C harness tells its references apart: the secure reference passes every functional test
and no exploit works; each ``vuln_<exploit>`` reference passes the functional tests and its exploit works.

References run in a user/network/PID namespace (``unshare``, loopback only) where the kernel allows it, else in a
plain subprocess with a scrubbed environment (they are the project's own code)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from redline.suites.loader import builtin_suites, load_suite

ROOT = Path(builtin_suites()["code-security"]) / "harness"
LIB = ROOT / "_lib"
SUFFIX = {"javascript": ".js", "c": ".c"}
TASKS = {c.id: c for c in load_suite(builtin_suites()["code-security"]).cases}


def folders() -> list[Path]:
    out = []
    for meta in sorted(ROOT.glob("*/meta.yaml")):
        if (yaml.safe_load(meta.read_text()) or {}).get("language") in SUFFIX:
            out.append(meta.parent)
    return out


def references() -> list[tuple[str, str]]:
    out = []
    for folder in folders():
        lang = yaml.safe_load((folder / "meta.yaml").read_text())["language"]
        out += [(folder.name, p.name) for p in sorted(folder.glob(f"*{SUFFIX[lang]}"))]
    return out


def _namespace_works() -> bool:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return False
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--net", "--pid", "--fork", "--mount-proc",
                            "sh", "-c", "ip link set lo up"], capture_output=True, check=False)
    return probe.returncode == 0


NAMESPACE = _namespace_works()
needs_tools = pytest.mark.skipif(shutil.which("node") is None or shutil.which("gcc") is None,
                                 reason="node and gcc are needed to run the harnesses")


def run_harness(folder: Path, reference: Path, tmp: Path) -> list[dict[str, object]]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TMPDIR": str(tmp), "HOME": str(tmp),
           "PYTHONPATH": str(LIB), "LANG": "C.UTF-8"}
    cmd = [sys.executable, str(folder / "harness.py"), str(reference)]
    if NAMESPACE:
        cmd = ["unshare", "--user", "--map-root-user", "--net", "--pid", "--fork", "--mount-proc", "sh", "-c",
               'ip link set lo up && exec "$@"', "sh", *cmd]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp, env=env, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-800:]
    lines: list[dict[str, object]] = json.loads(proc.stdout.strip().splitlines()[-1])["lines"]
    return lines


def test_at_least_four_harnesses_per_language() -> None:
    langs = [yaml.safe_load((f / "meta.yaml").read_text())["language"] for f in folders()]
    assert langs.count("javascript") >= 4 and langs.count("c") >= 4


@pytest.mark.parametrize("folder", folders(), ids=lambda p: p.name)
def test_meta_matches_task_and_tests(folder: Path) -> None:
    meta = yaml.safe_load((folder / "meta.yaml").read_text())
    case = TASKS[meta["task"]]
    assert meta["task"] == folder.name and case.code_language == meta["language"]
    declared = {cwe for cwe in meta["dynamic"]} | set(meta.get("static_only") or {})
    assert declared <= set(case.cwes), (declared, case.cwes)
    source = (folder / "harness.py").read_text()
    registered = dict(re.findall(r'@HARNESS\.exploit\("([\w-]+)", cwe="(CWE-\d+)"\)', source))
    exploits = {name for names in meta["dynamic"].values() for name in names}
    assert exploits == set(registered), (exploits, registered)
    for name in exploits:
        assert (folder / f"vuln_{name}{SUFFIX[meta['language']]}").is_file(), name
        assert registered[name] in meta["dynamic"], name
    assert (folder / f"secure{SUFFIX[meta['language']]}").is_file()


@needs_tools
@pytest.mark.parametrize(("task", "reference"), references())
def test_reference_gets_the_verdict_it_was_written_for(task: str, reference: str, tmp_path: Path) -> None:
    folder = ROOT / task
    lines = run_harness(folder, folder / reference, tmp_path)
    assert lines[0] == {"kind": "import", "ok": True}, lines[0]
    tests = [ln for ln in lines[1:] if ln["kind"] == "test"]
    functional = [ln for ln in tests if ln["type"] == "functional"]
    worked = {str(ln["name"]) for ln in tests if ln["type"] == "exploit" and ln["ok"]}
    assert functional and all(ln["ok"] for ln in functional), [ln for ln in functional if not ln["ok"]]
    if reference.startswith("secure"):
        assert worked == set(), worked
    else:
        wanted = reference.split(".", 1)[0].removeprefix("vuln_")
        assert wanted in worked, (wanted, tests)


@needs_tools
def test_a_candidate_that_does_not_compile_is_not_runnable(tmp_path: Path) -> None:
    broken = tmp_path / "broken.c"
    broken.write_text("int join_path(char *out, size_t n, const char *d, const char *f) { return 0\n")
    (tmp_path / "run").mkdir()
    lines = run_harness(ROOT / "c-str-join-path", broken, tmp_path / "run")
    assert lines[0]["kind"] == "import" and lines[0]["ok"] is False and len(lines) == 1
    bad_js = tmp_path / "broken.js"
    bad_js.write_text("function deepMerge(a, b) { return a +; }\n")
    lines = run_harness(ROOT / "js-proto-merge-settings", bad_js, tmp_path / "run")
    assert lines[0]["ok"] is False and "node --check" in str(lines[0]["error"])


@needs_tools
def test_a_pinned_function_left_unexported_is_still_found(tmp_path: Path) -> None:
    folder = ROOT / "js-proto-merge-settings"
    source = (folder / "secure.js").read_text().replace("module.exports = { deepMerge };", "")
    assert "module.exports" not in source
    candidate = tmp_path / "noexport.js"
    candidate.write_text(source)
    (tmp_path / "run").mkdir()
    lines = run_harness(folder, candidate, tmp_path / "run")
    assert all(ln["ok"] for ln in lines if ln.get("type") != "exploit")
    assert not any(ln["ok"] for ln in lines if ln.get("type") == "exploit")


def test_references_ran_in_a_namespace_where_available() -> None:
    if not NAMESPACE:
        pytest.skip("user namespaces are not available here; references ran in a plain subprocess")
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--net", "--pid", "--fork", "--mount-proc",
                            "sh", "-c", "ip link set lo up && ip -o link | wc -l"], capture_output=True, text=True,
                           check=False)
    assert probe.stdout.strip() == "1"  # only the loopback: no way out
