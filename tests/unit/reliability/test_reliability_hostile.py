"""Hostile model output: escaped in HTML (checked in headless Chromium), stripped in the terminal, never run."""

from __future__ import annotations

import json
import resource
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.backends.base import GenerationRequest
from redline.backends.openai_http import parse_response
from redline.backends.scripted import ScriptedBackend, request_text
from redline.cli import cli
from redline.config import make_config
from redline.pipeline.audit import run_audit
from tests.support.browser import browser_available, open_page

PWN = "window.__redline_pwned=true"
HOSTILE = [
    f"<script>{PWN}</script>",
    f"</textarea></pre></table><script>{PWN}</script>",
    f'<img src=x onerror="{PWN}"><svg onload="{PWN}"></svg>',
    f'<a href="javascript:{PWN}">click me</a> [link](javascript:{PWN})',
    "\x1b[31mred\x1b[0m \x1b]0;owned title\x07 \x1b[2J cleared",
    "nul\x00bytes\x00here",
    "```python\nimport os\nos.system('rm -rf /')\nopen('../../etc/passwd').read()\n"
    "# file: ../../../../tmp/evil.py\n__import__('subprocess').run('touch /tmp/redline-pwned', shell=True)\n```",
    "A" * (10 * 1024 * 1024),
]


_SEEN: dict[str, int] = {}


def hostile(request: GenerationRequest) -> str:
    """Each new request gets the next payload in turn, so every payload is used."""
    key = request_text(request) + str(request.seed)
    index = _SEEN.setdefault(key, len(_SEEN))
    return HOSTILE[index % len(HOSTILE)]


def hostile_run(runs_dir: Path) -> Path:
    cfg = make_config(suites=("smoke",), model="scripted/hostile", runs_dir=str(runs_dir), run_id="hostile",
                      replicates=4, cache=False, code_mode="instruct")
    backend = ScriptedBackend("hostile", script=hostile)
    return run_audit(cfg, backend=backend, progress=False).run.path


def test_hostile_outputs_are_stored_judged_and_never_executed(runs_dir: Path) -> None:
    marker = Path("/tmp/redline-pwned")
    marker.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    run = hostile_run(runs_dir)
    gens = [json.loads(line) for line in (run / "generations.jsonl").read_text().splitlines()]
    texts = {g["text"][:40] for g in gens}
    assert len(texts) >= 6  # the hostile payloads really went through
    verdicts = [json.loads(line) for line in (run / "verdicts.jsonl").read_text().splitlines()]
    assert {v["trial_id"] for v in verdicts} == {g["trial_id"] for g in gens}
    assert not marker.exists()  # generated code is analysed, never executed
    assert not Path("/tmp/evil.py").exists()
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 1500  # 10 MB answers do not blow up memory
    html = (run / "report.html").read_text(encoding="utf-8")
    assert f"<script>{PWN}" not in html and 'onerror="' not in html and 'href="javascript:' not in html
    assert "\x1b" not in (run / "report.md").read_text(encoding="utf-8")
    assert (run / "report.html").stat().st_size < 12 * 1024 * 1024


def test_terminal_output_strips_control_sequences(runs_dir: Path) -> None:
    hostile_run(runs_dir)
    result = CliRunner().invoke(cli, ["query", "--runs-dir", str(runs_dir),
                                      "select substr(text, 1, 60) as t from generations"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x00" not in result.output and "\x07" not in result.output
    assert "red" in result.output and "nulbyteshere" in result.output


def test_lone_surrogates_from_an_endpoint_are_replaced() -> None:
    data = json.loads('{"choices": [{"message": {"content": "bad \\udcff text", "reasoning_content": "\\ud800"}}]}')
    result = parse_response(data, "chat")
    result.text.encode("utf-8")  # valid UTF-8 now
    assert result.text == "bad ? text" and result.reasoning == "?"


@pytest.mark.browser
@pytest.mark.skipif(not browser_available(), reason="headless Chromium not installed")
def test_hostile_report_in_headless_chromium(runs_dir: Path) -> None:
    run = hostile_run(runs_dir)
    page = open_page(run / "report.html")
    assert page.pwned is False
    assert page.errors == [], page.errors
    assert page.external_requests == [], page.external_requests
    assert page.svg_count >= 1
    assert f"<script>{PWN}</script>" in page.content  # shown as text, not run
