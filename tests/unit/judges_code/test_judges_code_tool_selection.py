"""The judge leaves out only scanner work whose findings can never count: Bandit tests and Semgrep rules owned by
a check outside the direct path, Bandit's tokenize pass on files without ``nosec``, Semgrep's extra jobs.
Verdicts must not move (bench/judge_equivalence.py checks that on the public programs; nothing here times)."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.judges.code import bandit_fast, bandit_select, semgrep_scan
from redline.judges.code.bandit_scan import DROPPED, OWNED_BY_CHECK, bandit_version, scan_bandit
from redline.judges.code.cwe import normalize_cwe
from redline.judges.code.judge import CodeSecurityJudge, direct_universe
from redline.judges.code.rows import judge_code_rows
from redline.judges.code.semgrep_scan import load_rule_metadata, semgrep_binary

needs_semgrep = pytest.mark.skipif(semgrep_binary() is None, reason="semgrep binary not installed")
MIXED = '''import hashlib
import pickle
import random
import subprocess
import tempfile


def run(cmd, blob):
    subprocess.run(cmd, shell=True)
    token = random.random()
    digest = hashlib.md5(blob).hexdigest()
    path = tempfile.mktemp()
    return pickle.loads(blob), token, digest, path
'''


def test_bandit_keeps_every_test_whose_finding_can_count() -> None:
    skip = CodeSecurityJudge().bandit_skipped()
    universe = direct_universe()
    assert DROPPED <= skip
    for tid, cwes in bandit_select.test_cwes().items():
        if tid in DROPPED:
            continue
        if tid not in OWNED_BY_CHECK or cwes is None or cwes & universe:
            assert tid not in skip, tid  # unowned, unknown CWE, or sighted on the direct path: it may count
    # owned tests on algorithm-choice CWEs (weak hash, cipher, random, key size) count when those are asked
    assert not {"B303", "B324", "B311", "B505", "B502"} & skip
    assert {"B602", "B608", "B301", "B105", "B201"} <= skip  # owned, outside the direct path
    assert CodeSecurityJudge(policy="union").bandit_skipped() == DROPPED  # every tool hit may count there


def test_bandit_test_cwes_come_from_bandit_and_overrides() -> None:
    known = bandit_select.test_cwes()
    assert known["B324"] == {"CWE-327"} and known["B602"] == {"CWE-78"}
    assert known["B201"] == {"CWE-489"}  # redline's override, not Bandit's CWE-94
    assert {"B303", "B311", "B413"} <= set(known)  # blacklist entries are read too


def test_a_test_with_unknown_cwes_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    known = dict(bandit_select.test_cwes())
    known["B602"] = None
    monkeypatch.setattr(bandit_select, "test_cwes", lambda: known)
    assert "B602" not in bandit_select.never_counting(direct_universe(), owned_never_count=True)
    monkeypatch.setattr(bandit_select, "bandit_version", lambda: "0.0")  # another Bandit: only the dropped ones
    assert bandit_select.never_counting(direct_universe(), owned_never_count=True) == DROPPED


def test_skipped_bandit_tests_do_not_run_and_the_others_still_do() -> None:
    everything = {f.rule for f in scan_bandit([MIXED])[0]}
    assert {"B602", "B301", "B311", "B324", "B306"} <= everything
    trimmed = {f.rule for f in scan_bandit([MIXED], skip=CodeSecurityJudge().bandit_skipped())[0]}
    assert trimmed == everything - CodeSecurityJudge().bandit_skipped()
    assert {"B311", "B324"} <= trimmed and not {"B602", "B301", "B306"} & trimmed


def test_bandit_without_the_tokenize_pass_still_honours_nosec(tmp_path: Path) -> None:
    quiet = "import subprocess\n\ndef run(cmd):\n    subprocess.run(cmd, shell=True)  # nosec\n"
    found = scan_bandit([MIXED, quiet, quiet.replace("  # nosec", "  # nosec B602")])
    assert "B602" in {f.rule for f in found[0]}
    assert found[1] == [] and found[2] == []
    from bandit.core import config as b_config

    fast = bandit_fast.manager_class(bandit_version())
    (tmp_path / "a.py").write_text(MIXED, encoding="utf-8")
    manager = fast(b_config.BanditConfig(), "file", quiet=True)
    manager.discover_files([str(tmp_path)], recursive=True)
    manager.run_tests()
    assert manager.get_issue_list()


def test_semgrep_drops_only_owned_rules_off_the_direct_path() -> None:
    meta = load_rule_metadata()
    dropped = CodeSecurityJudge().semgrep_dropped()
    universe = direct_universe()
    for rid, m in meta.items():
        can_count = not m.get("redline-check") or normalize_cwe(m.get("cwe")) in universe
        assert (rid in dropped) == (not can_count), rid
    assert {"redline-sql-string-built-execute", "redline-path-from-request", "redline-lxml-entities"} <= dropped
    assert not {"redline-weak-cipher", "redline-password-fast-hash", "redline-regex-from-request"} & dropped
    assert CodeSecurityJudge(policy="union").semgrep_dropped() == frozenset()


def test_semgrep_runs_one_job_unless_told() -> None:
    cmd = semgrep_scan._command("semgrep", Path("r"), Path("t"), None)
    assert cmd[cmd.index("--jobs") + 1] == "1"
    cmd = semgrep_scan._command("semgrep", Path("r"), Path("t"), 3)
    assert cmd[cmd.index("--jobs") + 1] == "3"


@needs_semgrep
def test_left_out_work_changes_no_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"id": "mixed", "code": MIXED}, {"id": "md5", "code": MIXED, "cwes": ["CWE-328"]},
            {"id": "shell", "code": MIXED, "cwes": ["CWE-78"]}, {"id": "rand", "code": MIXED, "cwes": ["CWE-330"]}]
    fast = judge_code_rows(rows, judge=CodeSecurityJudge())
    full_judge = CodeSecurityJudge()
    monkeypatch.setattr(full_judge, "bandit_skipped", lambda: frozenset())
    monkeypatch.setattr(full_judge, "semgrep_dropped", lambda: frozenset())
    full = judge_code_rows(rows, judge=full_judge)
    assert [(r["outcome"], r["severity"], r["cwes"]) for r in fast] == \
        [(r["outcome"], r["severity"], r["cwes"]) for r in full]
    assert any(f["rule"] == "B602" for f in full[0]["findings"])
    assert not any(f["rule"] == "B602" for f in fast[0]["findings"])  # left out: owned by no-shell-injection
    assert "CWE-328" in fast[1]["cwes"] or "CWE-327" in fast[1]["cwes"]  # the md5 hit counts when asked
