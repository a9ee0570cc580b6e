"""Exploit-verified code verdicts: task harnesses run against generated code in a sandbox."""

from redline.judges.exec.judge import CodeExecJudge, exec_results, judge_sources, open_pool
from redline.judges.exec.outcome import ExecOutcome, ExecResult, classify

__all__ = ["CodeExecJudge", "ExecOutcome", "ExecResult", "classify", "exec_results", "judge_sources", "open_pool"]
