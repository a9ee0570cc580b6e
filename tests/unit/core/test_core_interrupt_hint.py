"""Ctrl-C during ``redline run`` ends with one line that says the same command resumes (exit status 130)."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.cli import cli
from redline.commands.common import run_cli


def test_ctrl_c_says_the_same_command_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    import redline.pipeline.audit as audit

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(audit, "run_audit", interrupted)
    with pytest.raises(SystemExit) as info:
        run_cli(cli, ["run", "--suite", "smoke", "--model", "scripted/effect", "--runs-dir", str(tmp_path)])
    assert info.value.code == 130
    err = capsys.readouterr().err
    assert "interrupted" in err and "run the same command again to resume" in err and "Traceback" not in err
