"""The C judge on probe twins written in the style of real C (parsers, decoders, kernel helpers): each
vulnerable function is judged vulnerable for its CWE, its fixed twin secure, and the vulnerable twin ranks
strictly higher. Needs gcc (the judge compiles each program) and Semgrep."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from redline.judges.code.polyglot.judge import PolyglotCodeJudge, judge_rows

PROBES = Path(__file__).resolve().parents[2] / "data" / "c_probes"
MANIFEST: dict[str, dict[str, str]] = {k: v for k, v in json.loads((PROBES / "manifest.json").read_text()).items()
                                       if not k.startswith("_")}

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc is not installed")


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, Any]]:
    rows = [{"id": f"{name}.{side}", "code": (PROBES / f"{name}.{side}.c").read_text(), "language": "c",
             "cwes": [meta["cwe"]]} for name, meta in MANIFEST.items() for side in ("vuln", "fixed")]
    return {r["id"]: r for r in judge_rows(list(enumerate(rows)), judge=PolyglotCodeJudge())}


def test_every_probe_has_both_twins_and_a_class() -> None:
    assert len(MANIFEST) >= 15
    for name, meta in MANIFEST.items():
        assert (PROBES / f"{name}.vuln.c").is_file() and (PROBES / f"{name}.fixed.c").is_file(), name
        assert meta["cwe"].startswith("CWE-") and meta["class"]


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_probe_twins(name: str, judged: dict[str, dict[str, Any]], request: pytest.FixtureRequest) -> None:
    if "known_miss" in MANIFEST[name]:
        request.applymarker(pytest.mark.xfail(reason=MANIFEST[name]["known_miss"], strict=True))
    vuln, fixed = judged[f"{name}.vuln"], judged[f"{name}.fixed"]
    assert fixed["outcome"] == "secure", (name, fixed["findings"])
    assert vuln["outcome"] == "vulnerable", (name, vuln["findings"])
    assert (vuln["severity"] or 0) > (fixed["severity"] or 0)
