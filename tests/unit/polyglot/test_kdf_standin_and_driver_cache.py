"""The Node password-hash stand-ins (``_lib/hkdf_standin.cjs``) and the per-worker C driver objects (``_lib/hcc.py``).

The stand-ins must keep what a harness judges: argument errors, output length, determinism in every input
(password, salt, cost), a digest that is no plain fast hash of the password. The driver cache must hand a sample
only what the worker compiled, never a file a sample could have changed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from redline.suites.loader import builtin_suites

LIB = Path(builtin_suites()["code-security"]) / "harness" / "_lib"
HARNESS = LIB.parent

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc is not installed")

NODE_CHECK = r"""
const crypto = require("crypto");
const realScrypt = crypto.scryptSync, realPbkdf2 = crypto.pbkdf2Sync;
require(process.argv[1]);
const out = {};
const err = (f) => { try { f(); return null; } catch (e) { return e.code || String(e); } };
const hex = (b) => b.toString("hex");
out.patched = crypto.scryptSync !== realScrypt && crypto.pbkdf2Sync !== realPbkdf2;
out.same = hex(crypto.scryptSync("pw", "salt", 32, { N: 16384 })) === hex(crypto.scryptSync("pw", "salt", 32));
out.byCost = hex(crypto.scryptSync("pw", "salt", 32, { N: 8192 })) !== hex(crypto.scryptSync("pw", "salt", 32));
out.bySalt = hex(crypto.scryptSync("pw", "salt2", 32)) !== hex(crypto.scryptSync("pw", "salt", 32));
out.byPassword = hex(crypto.scryptSync("pw2", "salt", 32)) !== hex(crypto.scryptSync("pw", "salt", 32));
out.maxmemIgnored = hex(crypto.scryptSync("pw", "salt", 32, { N: 1024, maxmem: 64 << 20 }))
  === hex(crypto.scryptSync("pw", "salt", 32, { cost: 1024 }));
out.length = crypto.scryptSync("pw", "salt", 47).length;
out.bufferSalt = hex(crypto.scryptSync("pw", Buffer.from("salt"), 16)) === hex(crypto.scryptSync("pw", "salt", 16));
out.pbkdf2Len = crypto.pbkdf2Sync("pw", "salt", 600000, 64, "sha512").length;
out.pbkdf2ByIter = hex(crypto.pbkdf2Sync("pw", "salt", 1000, 32, "sha256"))
  !== hex(crypto.pbkdf2Sync("pw", "salt", 1001, 32, "sha256"));
out.notPlain = hex(crypto.pbkdf2Sync("pw", "salt", 1, 32, "sha256")) !== hex(realPbkdf2("pw", "salt", 1, 32, "sha256"));
const cases = [[["pw", "salt", 32, { N: 1000 }], "s"], [["pw", "salt", 32, { N: 1 << 20 }], "s"],
  [[12, "salt", 32], "s"], [["pw", "salt", 32, { N: 1024, cost: 1024 }], "s"], [["pw", "salt", -1], "s"],
  [["pw", "salt", 0, 32, "sha256"], "p"], [["pw", "salt", 10, 32, "no-such-digest"], "p"],
  [["pw", 5, 10, 32, "sha256"], "p"]];
out.errors = cases.map(([args, which]) => [
  err(() => (which === "s" ? crypto.scryptSync : crypto.pbkdf2Sync)(...args)),
  err(() => (which === "s" ? realScrypt : realPbkdf2)(...args))]);
crypto.scrypt("pw", "salt", 32, { N: 16384 }, (e, key) => {
  out.asyncSame = e === null && hex(key) === hex(crypto.scryptSync("pw", "salt", 32));
  crypto.pbkdf2("pw", "salt", 1000, 32, "sha256", (e2, k2) => {
    out.asyncPbkdf2 = e2 === null && hex(k2) === hex(crypto.pbkdf2Sync("pw", "salt", 1000, 32, "sha256"));
    process.stdout.write(JSON.stringify(out));
  });
});
"""


@needs_node
def test_node_kdf_standins_keep_checks_length_and_every_input() -> None:
    proc = subprocess.run(["node", "-e", NODE_CHECK, str(LIB / "hkdf_standin.cjs")], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout)
    errors = got.pop("errors")
    assert all(mine == real and mine is not None for mine, real in errors), errors  # the real function's errors
    assert got.pop("length") == 47 and got.pop("pbkdf2Len") == 64
    assert all(got.values()), got


def _kdf_prelude(source: str) -> str:
    code = ("import sys, json; sys.path.insert(0, sys.argv[1]); import hnode\n"
            "class C: pass\nc = C(); c.source = sys.stdin.read()\n"
            "print(json.dumps(hnode.kdf_prelude(c, sys.argv[2])))")
    proc = subprocess.run([sys.executable, "-c", code, str(LIB), str(HARNESS / "js-pw-register-login" / "harness.py")],
                          input=source, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return str(json.loads(proc.stdout))


def test_kdf_prelude_skips_candidates_with_a_hash_made_elsewhere() -> None:
    assert "hkdf_standin.cjs" in _kdf_prelude('const f = (n, s, k) => `scrypt$${n}$${s}$${k}`;')
    bcrypt = "$2b$10$" + "a" * 53
    assert _kdf_prelude(f'const ADMIN = "{bcrypt}";') == ""
    assert _kdf_prelude(f"const ADMIN = `{bcrypt}`;") == ""


WORKER_HCC = r"""
import hashlib, json, os, sys, tempfile
sys.path.insert(0, sys.argv[1])
import hcc, hpoly
harness = os.path.join(sys.argv[2], "c-str-html-entities", "harness.py")
folder = tempfile.mkdtemp()
hcc.warm_job({"harness": harness}, folder)
import importlib.util
spec = importlib.util.spec_from_file_location("h", harness)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
target = os.path.join(folder, "copy.o")
got = hcc.driver_object(mod.DRIVER, target)
left = sorted(n for n in os.listdir(folder) if n != "copy.o")
same = open(target, "rb").read() == hcc._OBJECTS[hcc._key(mod.DRIVER)]
other = hcc.driver_object("int main(void) { return 0; }", os.path.join(folder, "other.o"))
print(json.dumps({"got": got == target, "left": left, "same": same, "other": other}))
"""


@needs_gcc
def test_driver_object_comes_from_worker_memory_only() -> None:
    proc = subprocess.run([sys.executable, "-c", WORKER_HCC, str(LIB), str(HARNESS)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    # the object is kept in memory, no file is left for a sample to change, an unknown driver gets none
    assert json.loads(proc.stdout) == {"got": True, "left": [], "same": True, "other": None}


def test_worker_runs_the_warm_hook_before_the_fork_and_counts_it(tmp_path: Path) -> None:
    """The hook's memory reaches the job's child; its scratch folder is emptied with the job's."""
    from redline.sandbox import worker

    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "rl_warm_probe.py").write_text(
        "import os\nSEEN = []\n"
        "def warm(job, folder):\n"
        "    SEEN.append(job['id'])\n"
        "    open(os.path.join(folder, 'scratch'), 'w').write('x')\n"
        "def entry(job, jobdir, out):\n"
        "    import json\n"
        "    os.write(out, (json.dumps({'kind': 'seen', 'value': SEEN}) + '\\n').encode())\n")
    work = tmp_path / "work"
    work.mkdir()
    sys.path.insert(0, str(lib))
    try:
        job = {"id": "a", "entry": "rl_warm_probe:entry", "warm": "rl_warm_probe:warm", "budget_s": 30}
        first = worker.run_job(job, str(work), 1)
        second = worker.run_job({**job, "id": "b"}, str(work), 2)
    finally:
        sys.path.remove(str(lib))
        sys.modules.pop("rl_warm_probe", None)
    assert first["lines"] == [{"kind": "seen", "value": ["a"]}]
    assert second["lines"] == [{"kind": "seen", "value": ["a", "b"]}]
    assert list(work.iterdir()) == []  # the hook's scratch folder went with the job's files
