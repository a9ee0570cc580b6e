"""Terminal and HTML rendering of an adoption result: hostile names stay inert text."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console

from redline.adoption.analysis import analyse
from redline.adoption.report import grouped_bars, print_terminal, render_html
from redline.adoption.snapshot import ModelRow, Snapshot


def _hostile() -> Snapshot:
    rows = (
        ModelRow(id="Qwen/Qwen2.5-7B", author="Qwen", downloads=60),
        ModelRow(id="[bold red]x[/]/m", author="[bold red]x[/]", downloads=30, base_models=("Qwen/Qwen2.5-7B",)),
        ModelRow(id="esc/\x1b[31mred", author="esc\x1b]0;title\x07", downloads=10,
                 created_at=datetime(2025, 1, 3, tzinfo=UTC)),
    )
    return Snapshot(taken_at=datetime(2025, 2, 1, tzinfo=UTC), models=rows, source="<b>src</b>")


def test_terminal_shows_markup_literally_and_strips_control_characters() -> None:
    buf = io.StringIO()
    print_terminal(analyse(_hostile()), Console(file=buf, width=160, color_system=None))
    text = buf.getvalue()
    assert "[bold red]x[/]" in text
    assert "\x1b" not in text and "\x07" not in text
    assert "60.0%" in text and "90.0%" in text  # uploader / lineage share of Qwen


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_html_uses_only_expected_tags() -> None:
    html = render_html(analyse(_hostile(), attribution="lineage"))
    parser = _Collect()
    parser.feed(html)
    assert set(parser.tags) <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "strong", "em",
                                "code", "table", "tr", "th", "td", "svg", "rect", "text", "title"}
    assert "&lt;b&gt;src&lt;/b&gt;" in html
    assert "\x1b" not in html and "\x07" not in html  # control characters are dropped from every label


def test_grouped_bars_scale_to_the_largest_share() -> None:
    chart = grouped_bars({"uploader": {"CN": 0.5, "US": 0.25}, "lineage": {"CN": 0.75}}, ["CN", "US"], width=600)
    bars = {(b["series"], g["label"]): b for g in chart["groups"] for b in g["bars"]}
    assert bars[("lineage", "CN")]["w"] > bars[("uploader", "CN")]["w"] > bars[("uploader", "US")]["w"]
    assert abs(bars[("uploader", "CN")]["w"] * 1.5 - bars[("lineage", "CN")]["w"]) < 1e-6
    assert bars[("lineage", "US")]["w"] == 0.5  # zero shares keep a hairline bar


@pytest.mark.browser
def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    """The page loads in a real browser with its plots and logs no console messages."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed")
    page = tmp_path / "adoption.html"
    page.write_text(render_html(analyse(_hostile())), encoding="utf-8")
    proc = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.count("<svg") >= 3 and "<rect" in proc.stdout
    assert "CONSOLE" not in proc.stderr and "Uncaught" not in proc.stderr
