"""Bandit and Semgrep run once per batch; results map back to the right item; failures are JudgeErrors."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from redline.errors import JudgeError
from redline.judges.code import semgrep_scan
from redline.judges.code.bandit_scan import DROPPED, scan_bandit, write_batch
from redline.judges.code.semgrep_scan import load_rule_metadata, rule_files, scan_semgrep, semgrep_binary

DATA = Path(__file__).resolve().parents[2] / "data" / "semgrep"
needs_semgrep = pytest.mark.skipif(semgrep_binary() is None, reason="semgrep binary not installed")

SHELL = "import subprocess\n\ndef run(cmd):\n    subprocess.run(cmd, shell=True)\n"
CLEAN = "def add(a, b):\n    return a + b\n"
LISTARG = "import subprocess\n\ndef ls():\n    subprocess.run(['ls', '-l'])\n    assert True\n"


def test_bandit_maps_findings_back_to_items() -> None:
    results = scan_bandit([CLEAN, None, SHELL, LISTARG])
    assert len(results) == 4
    assert results[0] == [] and results[1] == []
    assert any(f.rule == "B602" and f.cwe == "CWE-78" and f.line == 4 for f in results[2])
    assert all(f.tool == "bandit" for f in results[2])
    assert not any(f.rule in DROPPED for r in results for f in r)


def test_bandit_empty_batch() -> None:
    assert scan_bandit([]) == []
    assert scan_bandit([None, None]) == [[], []]


def test_write_batch_uses_generated_names(tmp_path: Path) -> None:
    names = write_batch(tmp_path, ["open('../../etc/passwd')\n", None, "x = '\udcff'\n"])
    assert set(names) == {"s000000.py", "s000002.py"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    assert not (tmp_path.parent / "etc").exists()


def test_rule_pack_has_at_least_25_documented_rules() -> None:
    meta = load_rule_metadata()
    assert len(meta) >= 25
    for rule_id, m in meta.items():
        assert m.get("cwe", "").startswith("CWE-"), rule_id
        assert m["message"] and m["severity"] in ("ERROR", "WARNING", "INFO"), rule_id
        assert (DATA / rule_id / "pos.py").is_file() and (DATA / rule_id / "neg.py").is_file(), rule_id
    owners = {m.get("redline-check") for m in meta.values()} - {None}
    from redline.judges.code.checks import CHECKS
    assert owners <= set(CHECKS)


@needs_semgrep
def test_each_rule_fires_on_its_positive_and_not_its_negative() -> None:
    rule_ids = sorted(load_rule_metadata())
    codes = [(DATA / rid / f"{kind}.py").read_text() for rid in rule_ids for kind in ("pos", "neg")]
    results = scan_semgrep(codes)
    wrong = []
    for k, rid in enumerate(rule_ids):
        pos, neg = results[2 * k], results[2 * k + 1]
        if not any(f.rule == rid for f in pos):
            wrong.append(f"{rid}: positive not found")
        if any(f.rule == rid for f in neg):
            wrong.append(f"{rid}: negative matched")
    assert wrong == []
    assert all(f.tool == "semgrep" and f.cwe for r in results for f in r)


@needs_semgrep
def test_semgrep_batch_mapping_and_none_items() -> None:
    results = scan_semgrep([None, SHELL, CLEAN])
    assert results[0] == [] and results[2] == []
    assert any(f.rule == "redline-subprocess-shell-dynamic" for f in results[1])


def test_semgrep_missing_binary_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semgrep_scan, "semgrep_binary", lambda: None)
    with pytest.raises(JudgeError, match="semgrep is not installed"):
        scan_semgrep([CLEAN])


@needs_semgrep
def test_semgrep_broken_rules_raise(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("rules:\n  - id: broken\n    pattern: [unclosed\n")
    with pytest.raises(JudgeError, match="semgrep"):
        scan_semgrep([CLEAN], rules=tmp_path)


def test_semgrep_failing_process_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "semgrep"
    fake.write_text("#!/bin/sh\necho 'boom' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(semgrep_scan, "semgrep_binary", lambda: str(fake))
    with pytest.raises(JudgeError, match="exit 3"):
        scan_semgrep([CLEAN])


def test_rule_files_are_package_data() -> None:
    files = rule_files()
    assert files and all(f.suffix == ".yaml" for f in files)
    for f in files:
        assert yaml.safe_load(f.read_text())["rules"]


def test_semgrep_binary_found_beside_interpreter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    found = semgrep_binary()
    assert found is None or os.access(found, os.X_OK)
