"""`redline serve`: options reach the server parameters, the printed lines match them, Ctrl-C stops cleanly."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from redline.backends import embedded
from redline.backends import serve as serve_mod
from redline.commands import serve as serve_cmd


class FakeServer:
    instances: list[FakeServer] = []

    def __init__(self, params: Any) -> None:
        self.params = params
        port = params.port or 43111
        self.listening_address = f"{params.hostnames[0]}:{port}"
        FakeServer.instances.append(self)


@pytest.fixture
def stubbed(monkeypatch: pytest.MonkeyPatch) -> list[FakeServer]:
    FakeServer.instances = []
    monkeypatch.setattr(embedded, "model_path", lambda: "/nonexistent/model.gguf")
    monkeypatch.setattr(serve_mod, "_native", FakeServer)
    stops: list[str] = []

    def interrupted() -> None:
        stops.append("waited")
        raise KeyboardInterrupt

    monkeypatch.setattr(serve_cmd, "wait_for_stop", interrupted)
    return FakeServer.instances


def test_options_reach_the_server_and_the_printed_lines(stubbed: list[FakeServer]) -> None:
    result = CliRunner().invoke(serve_cmd.serve, ["--parallel", "3", "--threads", "2", "--port", "9123",
                                                  "--ctx", "2048"])
    assert result.exit_code == 0, result.output
    params = stubbed[0].params
    assert params.n_parallel == 3 and params.n_ctx == 3 * 2048 and params.port == 9123
    assert params.cpuparams.n_threads == 2 and params.hostnames == ["127.0.0.1"]
    assert params.chat_template == "gemma" and params.use_jinja is False
    lines = result.output.splitlines()
    assert "base url: http://127.0.0.1:9123/v1" in lines
    assert "slots: 3 (use --concurrency 3)" in lines
    assert ("audit it: redline run --model openai/gemma-3-270m --base-url http://127.0.0.1:9123/v1 "
            "--concurrency 3 --code-mode autocomplete") in lines
    assert lines[-1] == "server stopped"


def test_defaults_leave_a_core_free(stubbed: list[FakeServer], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded.os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3})
    result = CliRunner().invoke(serve_cmd.serve, [])
    assert result.exit_code == 0, result.output
    params = stubbed[0].params
    assert params.n_parallel == 4 and params.port == 8080 and params.cpuparams.n_threads == 3
    assert "(4 slots, 3 threads)" in result.output


@pytest.mark.parametrize("args", [["--parallel", "0"], ["--port", "70000"], ["--threads", "0"], ["--host", "0"]])
def test_bad_options_are_refused(stubbed: list[FakeServer], args: list[str]) -> None:
    result = CliRunner().invoke(serve_cmd.serve, args)
    assert result.exit_code == 2 and not stubbed


def test_start_failure_is_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from redline.errors import BackendError

    monkeypatch.setattr(embedded, "model_path", lambda: "/nonexistent/model.gguf")

    def boom(params: Any) -> Any:
        raise RuntimeError("address in use")

    monkeypatch.setattr(serve_mod, "_native", boom)
    with pytest.raises(BackendError, match="port 8080: address in use"):
        serve_mod.start_embedded_server()


def test_registered_in_the_cli() -> None:
    from redline.cli import COMMANDS

    assert COMMANDS["serve"][0] == "redline.commands.serve:serve"
