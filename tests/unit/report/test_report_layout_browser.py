"""Layout in headless Chromium at 1400 px: plots hold all their text, wide tables scroll inside the page."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from redline.report import plots
from redline.report.build import build_report
from redline.report.html import render_html
from tests.support.browser import browser_available
from tests.support.synthetic import demo_trials, records_of, scripted_code_effect, write_run

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not browser_available(), reason="headless Chromium not installed")]

LONG = ("code/vulnerable/a-confirmatory-condition-with-a-very-long-name-that-once-ran-off-the-left-edge "
        "of the forest plot · and then some more words to wrap")
CJK = "答案 · 中文回答 · 国家叙事的措辞比英文多二十五个百分点的一个很长的标签"

# every <text> of every <svg>: its box in the svg's own coordinates against the viewBox
MEASURE = """
const out = [];
for (const svg of document.querySelectorAll('svg')) {
  const vb = svg.viewBox.baseVal;
  for (const t of svg.querySelectorAll('text')) {
    const b = t.getBBox();
    out.push([t.textContent, b.x, b.y, b.width, b.height, vb.width, vb.height]);
  }
}
return out;
"""


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or ""
    profile = tempfile.mkdtemp(prefix="redline-chrome-")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars",
                f"--user-data-dir={profile}", "--window-size=1400,1000"):
        opts.add_argument(arg)
    drv = webdriver.Chrome(service=Service(shutil.which("chromedriver") or ""), options=opts)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


def test_plots_never_clip_labels(driver: Any, tmp_path: Path) -> None:
    svgs = [
        plots.forest_plot([plots.ForestRow(LONG, -0.33, -0.6, -0.05, significant=True, emphasis=True),
                           plots.ForestRow(CJK, 0.25, -0.1, 0.6), plots.ForestRow("short", None, None, None)],
                          title="Code: each condition minus baseline (95% CI)"),
        plots.rate_plot([plots.RateRow(LONG, 0.9, 0.6, 0.98, 10), plots.RateRow(CJK, 0.1, 0.02, 0.4, 1000)],
                        title="Vulnerable rate per condition (Wilson 95% CI)"),
        plots.stacked_bars([(LONG, {"secure": 3, "vulnerable": 7}), (CJK, {"refusal": 1, "state_narrative": 2})],
                           ["secure", "vulnerable", "invalid", "no_code", "refusal", "deflection", "state_narrative",
                            "substantive", "degenerate", "a-label-nobody-expected-to-be-this-long"], title="Shares"),
        plots.heatmap([LONG, CJK], [("en", "state_narrative"), ("zh", "state_narrative"), ("zh", "refusal")],
                      {(LONG, "en", "state_narrative"): 0.5}, {(LONG, "en"): 4}, title="Topic x language"),
    ]
    assert LONG in svgs[0] and "…" not in "".join(svgs)  # whole label, wrapped, never cut
    page = tmp_path / "plots.html"
    page.write_text("<!DOCTYPE html><meta charset='utf-8'><body>" + "".join(svgs) + "</body>", encoding="utf-8")
    driver.get(page.resolve().as_uri())
    boxes = driver.execute_script(MEASURE)
    assert len(boxes) > 30
    for text, x, y, w, h, vb_w, vb_h in boxes:
        assert x >= -0.5 and x + w <= vb_w + 0.5, f"{text!r} spans x {x:.1f}..{x + w:.1f} of {vb_w}"
        assert y >= -0.5 and y + h <= vb_h + 0.5, f"{text!r} spans y {y:.1f}..{y + h:.1f} of {vb_h}"


def test_report_has_no_horizontal_overflow_at_1400px(driver: Any, tmp_path: Path) -> None:
    long_condition = "a-condition-id-long-enough-to-push-every-contrast-table-past-the-window-edge-" * 2
    trials = demo_trials(np.random.default_rng(3)) + scripted_code_effect(condition=long_condition.strip("-"))
    run = write_run(tmp_path / "run-with-a-long-name", trials)
    page = tmp_path / "report.html"
    page.write_text(render_html(build_report(records_of(run, bootstrap=100), run.load())), encoding="utf-8")
    driver.get(page.resolve().as_uri())
    driver.execute_script("for (const d of document.querySelectorAll('details')) d.open = true;")
    page_w, view_w, widest_table = driver.execute_script(
        "const e = document.documentElement; const ts = [...document.querySelectorAll('table')];"
        "return [e.scrollWidth, e.clientWidth, Math.max(...ts.map(t => t.scrollWidth))];")
    assert view_w >= 1300
    assert widest_table > 1100  # the contrast tables really are wider than the page's column ...
    assert page_w <= view_w  # ... yet they scroll inside it: the page itself never scrolls sideways
