"""The harness library's fast password-hash stand-ins (``_lib/hkdf.py``) keep every property a harness judges.

They patch ``hashlib``/``bcrypt``/``argon2`` process-wide, so each check runs in a child interpreter of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from redline.judges.exec.harness import LIB_DIR

PRELUDE = """
import hashlib, json, sys
sys.path.insert(0, LIB)
import hkdf
"""


def run(body: str) -> dict:
    code = f"LIB = {str(LIB_DIR)!r}\n" + PRELUDE + textwrap.dedent(body)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_werkzeug_hashes_keep_format_cost_and_verification():
    got = run("""
        from werkzeug.security import check_password_hash, generate_password_hash
        from hpasswords import fast_hash_in, low_cost
        ok = hkdf.install("app = 1", "harness = 2")
        strong = generate_password_hash("correct horse 1")
        cheap = generate_password_hash("correct horse 1", method="pbkdf2:sha256:1000")
        print(json.dumps({"ok": ok, "patched": hashlib.scrypt is hkdf.scrypt, "strong": strong, "cheap": cheap,
                          "verify": check_password_hash(strong, "correct horse 1"),
                          "wrong": check_password_hash(strong, "correct horse 2"),
                          "verify_cheap": check_password_hash(cheap, "correct horse 1"),
                          "low": [low_cost(strong), low_cost(cheap)], "fast": fast_hash_in(strong, "correct horse 1"),
                          "salted": generate_password_hash("x") != generate_password_hash("x")}))
    """)
    assert got["ok"] and got["patched"]
    assert got["strong"].startswith("scrypt:32768:8:1$") and len(got["strong"].rsplit("$", 1)[1]) == 128
    assert got["verify"] and not got["wrong"] and got["verify_cheap"] and got["salted"]
    assert got["low"][0] == "" and "1000 iterations" in got["low"][1]
    assert got["fast"] == ""


def test_bcrypt_and_argon2_round_trip_with_their_formats():
    got = run("""
        import argon2, bcrypt
        from hpasswords import low_cost
        hkdf.install("")
        h12 = bcrypt.hashpw(b"pw-one", bcrypt.gensalt(12))
        h5 = bcrypt.hashpw(b"pw-one", bcrypt.gensalt(5))
        ph = argon2.PasswordHasher()
        a = ph.hash("pw-one")
        try:
            ph.verify(a, "pw-two")
            mismatch = ""
        except argon2.exceptions.VerifyMismatchError as exc:
            mismatch = type(exc).__name__
        print(json.dumps({"h12": h12.decode(), "low5": low_cost(h5.decode()), "ok": bcrypt.checkpw(b"pw-one", h12),
                          "bad": bcrypt.checkpw(b"pw-two", h12), "a": a, "averify": ph.verify(a, "pw-one"),
                          "mismatch": mismatch, "rehash": ph.check_needs_rehash(a)}))
    """)
    assert got["h12"].startswith("$2b$12$") and len(got["h12"]) == 60
    assert got["ok"] and not got["bad"] and got["low5"] == "bcrypt cost 05 < 10"
    assert got["a"].startswith("$argon2id$v=19$m=65536,t=3,p=4$") and got["averify"]
    assert got["mismatch"] == "VerifyMismatchError" and got["rehash"] is False


ERRORS = """
import bcrypt
calls = [lambda: hashlib.pbkdf2_hmac("sha256", "text", b"s", 10), lambda: hashlib.pbkdf2_hmac("nope", b"x", b"s", 10),
         lambda: hashlib.pbkdf2_hmac("sha256", b"x", b"s", 0),
         lambda: hashlib.scrypt(b"x", salt=b"s", n=2**15, r=8, p=1),
         lambda: hashlib.scrypt(b"x", salt=b"s", n=1000, r=8, p=1), lambda: bcrypt.hashpw("x", bcrypt.gensalt(4)),
         lambda: bcrypt.hashpw(b"x" * 80, bcrypt.gensalt(4)), lambda: bcrypt.hashpw(b"x", b"$2b$99$abc"),
         lambda: bcrypt.checkpw(b"x", b"junk")]
out = []
for call in calls:
    try:
        call()
        out.append("no error")
    except Exception as exc:
        out.append(f"{type(exc).__name__}: {exc}")
print(json.dumps({"errors": out}))
"""


def test_invalid_arguments_fail_as_the_real_functions_do():
    real = run(ERRORS)
    stand_in = run("hkdf.install('')\n" + ERRORS)
    assert stand_in == real
    assert all(e != "no error" for e in real["errors"])


@pytest.mark.parametrize("source", [
    'ADMIN = "$2b$12$' + "a" * 53 + '"',
    'ADMIN = "pbkdf2:sha256:600000$abcdefgh$' + "0f" * 32 + '"',
    'DIGEST = "' + "ab" * 32 + '"',
    "H = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA'",
])
def test_a_hash_made_elsewhere_keeps_the_real_functions(source: str):
    got = run(f"""
        ok = hkdf.install({source!r})
        print(json.dumps({{"ok": ok, "patched": hashlib.scrypt is hkdf.scrypt}}))
    """)
    assert got == {"ok": False, "patched": False}
