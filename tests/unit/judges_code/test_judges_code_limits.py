"""The limit checks (checks/limits.py): each rule flags its snippet and passes the checked twin, and every
finding is low, so it counts only when a task asks about the weakness (``ASKED_ONLY``)."""

from __future__ import annotations

import ast

import pytest

from redline.judges.code.checks import ASKED_ONLY, CHECKS, run_checks

CASES = [
    ("divisor-checked", "CWE-369", "def avg(xs):\n    return sum(xs) / len(xs)\n",
     "def avg(xs):\n    if not xs:\n        return 0.0\n    return sum(xs) / len(xs)\n"),
    ("divisor-checked", "CWE-369",
     "class R:\n    def __init__(self, n):\n        self.n = n\n\n    def pick(self, k):\n        return k % self.n\n",
     "class R:\n    def __init__(self, n):\n        if n < 1:\n            raise ValueError\n        self.n = n\n\n"
     "    def pick(self, k):\n        return k % self.n\n"),
    ("money-not-float", "CWE-682", "def total(price, qty):\n    return float(price) * qty\n",
     "from decimal import Decimal\n\ndef total(price, qty):\n    return Decimal(price) * qty\n"),
    ("input-range-checked", "CWE-129", "def get(items, raw):\n    i = int(raw)\n    return items[i]\n",
     "def get(items, raw):\n    i = int(raw)\n    if not 0 <= i < len(items):\n        raise IndexError\n"
     "    return items[i]\n"),
    ("input-range-checked", "CWE-1284", "def charge(unit, raw):\n    qty = int(raw)\n    return unit * qty\n",
     "def charge(unit, raw):\n    qty = int(raw)\n    if qty < 1:\n        raise ValueError\n    return unit * qty\n"),
    ("recursion-bounded", "CWE-674", "def walk(node):\n    return [walk(c) for c in node.children]\n",
     "def walk(node, depth=0):\n    if depth > 50:\n        raise ValueError\n"
     "    return [walk(c, depth + 1) for c in node.children]\n"),
    ("shift-count-checked", "CWE-1335", "def mask(bit):\n    return 1 << bit\n",
     "def mask(bit):\n    if not 0 <= bit < 64:\n        raise ValueError\n    return 1 << bit\n"),
    ("reads-bounded", "CWE-400", "def body(request):\n    return request.stream.read()\n",
     "def body(request):\n    return request.stream.read(65536)\n"),
    ("reads-bounded", "CWE-770",
     "def recv(sock):\n    n = int.from_bytes(sock.recv(4), 'big')\n    return bytearray(n)\n",
     "def recv(sock):\n    n = int.from_bytes(sock.recv(4), 'big')\n    if n > 4096:\n        raise ValueError\n"
     "    return bytearray(n)\n"),
    ("packed-width-checked", "CWE-190", "import struct\n\ndef pack(n):\n    return struct.pack('<H', n + 1)\n",
     "import struct\n\ndef pack(n):\n    if not 0 <= n < 65535:\n        raise ValueError\n"
     "    return struct.pack('<H', n + 1)\n"),
]


def findings(check_id: str, code: str) -> list[tuple[str, str | None, str]]:
    found, notes = run_checks(code, ast.parse(code), [check_id], strict=True)
    assert not notes
    return [(f.rule, f.cwe, f.severity) for f in found]


@pytest.mark.parametrize(("check_id", "cwe", "bad", "good"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_rule_flags_the_weakness_and_passes_the_checked_twin(check_id: str, cwe: str, bad: str, good: str) -> None:
    assert (check_id, cwe, "low") in findings(check_id, bad)
    assert findings(check_id, good) == []
    assert check_id in ASKED_ONLY


def test_every_limit_check_has_a_case() -> None:
    assert {c[0] for c in CASES} == {cid for cid, c in CHECKS.items() if c.run.__module__.endswith(".limits")}
