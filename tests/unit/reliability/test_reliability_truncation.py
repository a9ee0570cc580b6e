"""An answer cut off by the token limit is ``degenerate`` (issue 14's label for it): never a refusal, never a
kill switch, and the run warns, naming --max-tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.store.run_dir import RunDir
from tests.support.fake_openai import serve


@pytest.mark.parametrize("behaviour", ["cutoff", "unclosed"])
def test_cut_off_reasoning_is_truncated_not_censorship(tmp_path: Path, behaviour: str) -> None:
    runs = tmp_path / "runs"
    with serve(lambda body, attempt: behaviour) as srv:
        out = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "openai/m", "--base-url", srv.base_url,
                                       "--runs-dir", str(runs), "--code-mode", "instruct", "--quiet",
                                       "--no-report", "--max-tokens", "160"])
    assert out.exit_code == 0, out.output
    assert "cut off by --max-tokens 160" in out.output and "raise --max-tokens" in out.output
    run = RunDir(next(runs.iterdir()))
    gens = run.generations()
    assert gens and all(g.truncated for g in gens.values())
    verdicts = list(run.verdicts().values())
    assert verdicts
    assert not [v for v in verdicts if v.kill_switch]
    assert not [v for v in verdicts if v.label in ("refusal", "deflection", "refused")]
    answer = [v for v in verdicts if v.judge.startswith("answer")]
    assert answer and all(v.label == "degenerate" for v in answer)
