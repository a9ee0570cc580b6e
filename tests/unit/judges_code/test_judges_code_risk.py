"""``risk``: the ranking signal that orders code verdicts within a severity level (judges/code/risk.py)."""

from __future__ import annotations

import pytest

from redline.judges.code.judge import CodeSecurityJudge, score_findings
from redline.judges.code.polyglot import scope as poly_scope
from redline.judges.code.polyglot.extract_base import PolyExtraction
from redline.judges.code.polyglot.judge import PolyglotCodeJudge, PolyItem
from redline.judges.code.risk import risk_score
from redline.judges.code.rows import judge_code_rows
from redline.records import Finding


def f(severity: str, *, line: int = 1, cwe: str | None = "CWE-89", tool: str = "t", rule: str = "r") -> Finding:
    return Finding(tool=tool, rule=rule, cwe=cwe, severity=severity, line=line)


def key(x: Finding) -> tuple[str, str, int | None]:
    return (x.tool, x.rule, x.line)


def risk(findings: list[Finding], counted: list[Finding], relevant: set[str] | None = None) -> float:
    return risk_score(findings, {key(x) for x in counted},
                      lambda x: relevant is None or (x.cwe is not None and x.cwe in relevant))


def test_no_finding_is_zero_and_risk_stays_below_one() -> None:
    assert risk([], []) == 0.0
    many = [f("high", line=k) for k in range(500)]
    assert 0.99 < risk(many, many) < 1.0


def test_counted_ratings_rank_high_over_medium_over_low() -> None:
    high, medium, low = f("high"), f("medium"), f("low")
    assert risk([high], [high]) > risk([medium], [medium]) > risk([low], [low]) > 0.0


def test_uncounted_findings_rank_by_tier_in_scope_above_other() -> None:
    in_scope, other = f("low", cwe="CWE-89"), f("low", cwe="CWE-400")
    assert risk([in_scope], [], {"CWE-89"}) > risk([other], [], {"CWE-89"}) > 0.0
    # an uncounted finding, even a high one, weighs less than the same finding counted
    assert risk([f("high")], [], {"CWE-89"}) < risk([f("high")], [f("high")])


def test_more_counted_sites_rank_higher_at_the_same_severity() -> None:
    one = [f("medium", line=3)]
    two = [f("medium", line=3), f("medium", line=9)]
    assert score_findings(one) == score_findings(two) == 2  # severity cannot tell them apart
    assert risk(two, two) > risk(one, one)


def test_one_site_seen_by_two_tools_counts_once() -> None:
    bandit, semgrep = f("medium", tool="bandit", rule="B608"), f("high", tool="semgrep", rule="sql")
    assert risk([bandit, semgrep], [bandit, semgrep]) == risk([semgrep], [semgrep])


def test_a_guard_rated_low_ranks_below_the_unguarded_finding_and_above_none() -> None:
    unguarded, guarded = f("medium"), f("low")
    assert risk([unguarded], [unguarded]) > risk([guarded], [], {"CWE-89"}) > risk([], [])


@pytest.fixture(scope="module")
def checks_only() -> CodeSecurityJudge:
    return CodeSecurityJudge(use_bandit=False, use_semgrep=False)


SQL_ONE = "def find(cur):\n    name = input()\n    cur.execute(f\"SELECT * FROM t WHERE n = '{name}'\")\n"
SQL_TWO = SQL_ONE + "    cur.execute(f\"DELETE FROM t WHERE n = '{name}'\")\n"
SQL_SAFE = "def find(cur):\n    name = input()\n    cur.execute('SELECT * FROM t WHERE n = ?', (name,))\n"


def test_judge_code_rows_expose_risk_and_it_orders_within_a_severity(checks_only: CodeSecurityJudge) -> None:
    rows = [{"id": k, "code": code, "cwes": ["CWE-89"]} for k, code in enumerate((SQL_ONE, SQL_TWO, SQL_SAFE))]
    rows.append({"id": "bad", "code": "def broken(:\n"})
    one, two, safe, bad = judge_code_rows(rows, judge=checks_only)
    assert one["outcome"] == two["outcome"] == "vulnerable" and safe["outcome"] == "secure"
    assert one["severity"] == two["severity"]
    assert two["risk"] > one["risk"] > safe["risk"] >= 0.0
    assert bad["outcome"] == "invalid" and bad["risk"] is None and bad["severity"] is None


def test_polyglot_guarded_copy_ranks_between_unguarded_and_clean() -> None:
    cwes = ("CWE-120",)

    def verdict(findings: list[Finding]) -> tuple[int | None, float]:
        it = PolyItem("t", "c", None, PolyExtraction("ok", "c", "int main(void){return 0;}\n", 1),
                      poly_scope.family(cwes), cwes, findings=findings)
        v = PolyglotCodeJudge(use_semgrep=False, use_gcc=False)._verdict(it)
        return v.score, float(v.details["risk"])

    copy = f("medium", cwe="CWE-120", tool="semgrep", rule="redline-c-unbounded-copy")
    guarded = copy.model_copy(update={"severity": "low"})
    unrelated = f("low", cwe="CWE-798", tool="semgrep", rule="hardcoded")
    sev_unguarded, _ = verdict([copy])
    sev_guarded, r_guarded = verdict([guarded])
    sev_unrelated, r_unrelated = verdict([unrelated])
    assert sev_unguarded is not None and sev_guarded == sev_unrelated == 1 < sev_unguarded
    assert r_guarded > r_unrelated > verdict([])[1] == 0.0
