"""Validity: one Node process / one gcc process per batch, agreeing with `node --check` on each file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from redline.judges.code.polyglot import validity

JS = [
    "const a = 1;\nmodule.exports = a;\n",
    "const x = ;\n",
    "return 5;\n",  # allowed at top level of a CommonJS module
    'import fs from "fs";\nexport const y = fs;\n',
    "function f( {\n",
    "const s = `a ${1 + } b`;\n",
    "class A { m() { return 1 } }\n",
]


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_batched_js_check_agrees_with_node_check(tmp_path: Path) -> None:
    batched = validity.check_js(JS)
    assert [r.ok for r in batched] == [True, False, True, True, False, False, True]
    for k, src in enumerate(JS):
        if "import" in src:
            continue  # node --check on a .js file parses CommonJS; the batch also accepts ES modules
        path = tmp_path / f"f{k}.js"
        path.write_text(src)
        alone = subprocess.run(["node", "--check", str(path)], capture_output=True, check=False)
        assert (alone.returncode == 0) == batched[k].ok, src
    assert batched[1].line == 1 and batched[4].message


def test_one_process_per_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(cmd: list[str], *args: object, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(cmd)
        return real(cmd, *args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(validity.subprocess, "run", counting)
    validity.check_js(JS * 5)
    validity.check_c(["int main(void) { return 0; }\n"] * 20)
    assert len(calls) == 2
    assert calls[1][1:4] == ["-fsyntax-only", "-std=c11", "-D_DEFAULT_SOURCE"]


def test_c_validity_errors_headers_and_helpers() -> None:
    res = validity.check_c([
        "#include <stdio.h>\nint main(void) { puts(\"x\"); return 0; }\n",
        "int f( {\n",
        '#include "tlv.h"\nint g(void) { return lookup_user(3); }\n',  # project header + undeclared helper
        "#include <sodium.h>\nint x;\n",
        "int h(void) { int a = 1 return a; }\n",
    ])
    assert [r.ok for r in res] == [True, False, True, True, False]
    assert res[1].line == 1 and res[1].checked is not False
    assert res[3].checked is False and "sodium.h" in res[3].message
    assert res[0].checked and res[2].checked


def test_empty_batches() -> None:
    assert validity.check_js([]) == [] and validity.check_c([]) == []
    with pytest.raises(ValueError):
        validity.check(["x"], "cobol")
