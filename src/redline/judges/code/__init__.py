"""The code-security judge: code extraction, scanners (Bandit, Semgrep), per-task checks (``checks/``) and the
static-analysis helpers they share (``analysis/``)."""

from redline.judges.code.judge import CodeSecurityJudge

__all__ = ["CodeSecurityJudge"]
