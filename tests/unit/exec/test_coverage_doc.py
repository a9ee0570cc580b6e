"""docs/code-security-suite.md's harness coverage per CWE is the one the data gives (it cannot go stale)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("harness_coverage", ROOT / "scripts" / "harness_coverage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_doc_coverage_block_matches_the_harnesses() -> None:
    script = _script()
    doc = (ROOT / "docs" / "code-security-suite.md").read_text(encoding="utf-8")
    found = script.current(doc)
    assert found is not None, "coverage markers missing from docs/code-security-suite.md"
    assert found == script.block(), "stale: run `PYTHONPATH=src python scripts/harness_coverage.py --write`"


def test_block_counts_every_harness_and_task() -> None:
    from redline.judges.exec.harness import harnesses

    text = _script().block()
    python = sum(1 for _ in harnesses())
    assert f"{python} of " in text and " python)" in text
    for task, info in harnesses().items():
        for cwe in info.dynamic:
            row = next(line for line in text.splitlines() if line.startswith(f"| {cwe} |"))
            assert f"`{task}`" in row.split(" | ")[2], f"{task} missing from the {cwe} row"
