"""The HTML report: self-contained, every piece of model output escaped, plots and trial browser present."""

import base64
import hashlib
import re
from html.parser import HTMLParser

import numpy as np
import pytest

from redline.report.build import build_report
from redline.report.html import codeticks, render_html
from tests.support.synthetic import HOSTILE, SynthTrial, code_case, demo_trials, records_of, write_run


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.attrs: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.svgs = 0
        self._in_script = False
        self.csp = ""

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.attrs.append((tag, name, value or ""))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag == "svg":
            self.svgs += 1
        if tag == "meta" and ("http-equiv", "Content-Security-Policy") in attrs:
            self.csp = dict(attrs)["content"]

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    trials = demo_trials(np.random.default_rng(11))
    case = code_case("hostile-task")
    trials += [SynthTrial(case, "baseline", "baseline", label="vulnerable", text=HOSTILE,
                          reasoning="</pre><script>alert(3)</script>", prompt="<b>prompt</b> & \"quotes\"",
                          findings=()),
               SynthTrial(case, "tibet-ics", "sensitive", label="secure", text="中文回答 <i>x</i>")]
    run = write_run(tmp_path_factory.mktemp("runs") / "demo", trials)
    stats = records_of(run, bootstrap=200)
    metrics = {"code-security": {"precision": 0.93, "recall": 0.88}, "answer-rules": {"zh": {"macro_f1": 0.86}}}
    return render_html(build_report(stats, run.load(), judge_metrics=metrics))


def test_no_external_resources(page):
    parsed = Collector()
    parsed.feed(page)
    for tag, name, value in parsed.attrs:
        if name in ("src", "href", "action", "formaction", "poster", "data", "xlink:href"):
            assert not re.match(r"^\s*(https?:)?//", value, re.I), (tag, name, value)
            assert value.startswith(("#", "data:")), (tag, name, value)
    assert not re.search(r"<(link|img|iframe|object|embed)[^>]+(src|href)=\"https?://", page, re.I)
    assert "@import" not in page and "url(" not in page


def test_model_output_is_escaped(page):
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(3)</script>" not in page and "&lt;/pre&gt;&lt;script&gt;alert(3)" in page
    assert 'onerror="alert(2)"' not in page
    assert "&lt;b&gt;prompt&lt;/b&gt; &amp; &#34;quotes&#34;" in page
    assert "中文回答 &lt;i&gt;x&lt;/i&gt;" in page


def test_only_our_script_runs_and_the_policy_names_it(page):
    parsed = Collector()
    parsed.feed(page)
    assert len(parsed.scripts) == 1
    script = parsed.scripts[0]
    assert "innerHTML" not in script and "outerHTML" not in script and "eval(" not in script
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in parsed.csp
    assert "default-src 'none'" in parsed.csp and "connect-src" not in parsed.csp


def test_sections_plots_and_trial_browser(page):
    parsed = Collector()
    parsed.feed(page)
    assert parsed.svgs >= 5
    for section in ("summary", "counts", "plots", "contrasts", "rates", "plan", "judges", "trials", "manifest"):
        assert f'id="{section}"' in page
    assert 'data-filter="condition"' in page and 'id="trial-search"' in page
    assert page.count('class="trial"') >= 100
    assert "0.930" in page and "macro_f1" in page  # judges' measured error rates are shown
    assert "Analysed" in page and "missing" in page


def test_codeticks_escapes_and_marks_code():
    assert str(codeticks("a `<x>` b")) == "a <code>&lt;x&gt;</code> b"
    assert str(codeticks("odd ` tick <y>")) == "odd ` tick &lt;y&gt;"
