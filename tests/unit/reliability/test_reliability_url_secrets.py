"""Credentials carried by an endpoint URL are keys too (found while testing beyond issue 16's list): a
``--base-url`` with ``user:password@`` or ``?api_key=`` must not leave them in the manifest, statistics, reports or
the terminal; and a model name with control characters is one line, exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.text import clear_secrets, redact, register_url_secrets
from tests.support.fake_openai import serve

PASSWORD = "hunter2-Secret-pw"
TOKEN = "qwerty12345zzKEY"


@pytest.fixture(autouse=True)
def _forget_keys():  # type: ignore[no-untyped-def]
    yield
    clear_secrets()


@pytest.mark.parametrize(("where", "secret"), [("userinfo", PASSWORD), ("query", TOKEN)])
def test_credentials_in_the_base_url_never_reach_a_file(tmp_path: Path, where: str, secret: str) -> None:
    runs = tmp_path / "runs"
    with serve(lambda b, a: "ok") as srv:
        url = (srv.base_url.replace("http://", f"http://bob:{PASSWORD}@") if where == "userinfo"
               else srv.base_url + f"?api_key={TOKEN}")
        out = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "openai/m", "--base-url", url,
                                       "--runs-dir", str(runs), "--code-mode", "instruct", "--quiet"])
        assert srv.requests
    assert out.exit_code == 0, out.output
    written = [p for p in runs.rglob("*") if p.is_file()]
    written += [p for p in Path(os.environ["REDLINE_HOME"]).rglob("*") if p.is_file()]
    assert {"manifest.json", "report.html", "stats.json"} <= {p.name for p in written}
    assert secret not in out.output
    for path in written:
        assert secret.lower().encode() not in path.read_bytes().lower(), path


def test_unreachable_base_url_error_hides_its_password(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", "openai/m", "--base-url",
                                   f"http://bob:{PASSWORD}@127.0.0.1:9/v1", "--runs-dir", str(tmp_path), "--quiet",
                                   "--retries", "0"])
    assert out.exit_code == 2 and "cannot reach" in out.output and PASSWORD not in out.output


def test_short_user_names_and_ordinary_query_values_stay_readable() -> None:
    register_url_secrets("https://admin:pw@host/v1?api-version=2024-02-01&user=admin")
    assert redact("admin uses api-version 2024-02-01") == "admin uses api-version 2024-02-01"
    assert redact("https://admin:pw@host/v1") == "https://***@host/v1"
    register_url_secrets("https://sk-live-abcdef123456@host/v1")  # a key given as the user name
    assert "abcdef123456" not in redact("echo sk-live-abcdef123456")


@pytest.mark.parametrize("model", ["openai/m\nx", "openai/m\x1b[2J", "openai/" + "m" * 600])
def test_model_name_with_control_characters_is_one_line(tmp_path: Path, model: str) -> None:
    out = CliRunner().invoke(cli, ["run", "--suite", "smoke", "--model", model, "--base-url", "http://127.0.0.1:9/v1",
                                   "--runs-dir", str(tmp_path)])
    assert out.exit_code == 2 and len(out.output.strip().splitlines()) == 1 and "--model" in out.output
