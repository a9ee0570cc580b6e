"""The judges section: one small table per judge, untouched splits shown, tuned and pooled ones folded away."""

import json
import re

import pytest

from redline.evaluation.metrics import snapshot_path
from redline.report.build import build_report
from redline.report.html import render_html
from redline.report.judge_tables import judge_tables
from redline.report.markdown import render_markdown
from tests.support.synthetic import records_of, scripted_code_effect, write_run


@pytest.fixture(scope="module")
def metrics():
    shipped = json.loads(snapshot_path().read_text(encoding="utf-8"))
    return {**shipped, "answer-model vs answer-rules (this run)": {"n": 40, "agreement": 0.9, "kappa": 0.8}}


def test_one_table_per_judge_untouched_first(metrics):
    tables = {t.judge: t for t in judge_tables(metrics)}
    assert list(tables) == list(metrics)
    code = tables["code-security"]
    assert [label for label, _ in code.untouched] == ["holdout", "holdout2"]
    assert {label.split(" / ")[0] for label, _ in code.folded} == {"dev", "combined", "categories"}
    assert code.columns[:4] == ("n", "precision", "recall", "f1")
    assert ("fingerprint", metrics["code-security"]["fingerprint"]) in code.facts
    precision = dict(code.untouched)["holdout"][code.columns.index("precision")]
    assert precision == f"{metrics['code-security']['splits']['holdout']['precision']:.3f}"
    answers = tables["answer-rules"]
    assert all(label.split(" / ")[0] in ("holdout", "holdout2") for label, _ in answers.untouched)
    assert not any("confusion" in label for label, _ in answers.untouched + answers.folded)
    written = tables["code-security-model-written"]  # a set named for the dev split, and the overall that pools it
    assert all("dev" not in label and label != "overall" for label, _ in written.untouched)
    assert dict(tables["answer-model vs answer-rules (this run)"].untouched)["measured"] == ("40", "0.900", "0.800")
    assert sum(len(t.untouched) for t in tables.values()) <= 20  # small tables, not the ~250 flattened metric rows


def test_html_folds_tuned_splits_away(tmp_path, metrics):
    run = write_run(tmp_path / "run", scripted_code_effect())
    report = build_report(records_of(run, bootstrap=100), run.load(), judge_metrics=metrics)
    html = render_html(report)
    section = html[html.index('<section id="judges">'):html.index('<section id="trials">')]
    shown = re.sub(r"<details class=\"tuned\">.*?</details>", "", section, flags=re.S)
    assert section.count('<table class="judge-untouched">') == len(metrics)
    assert section.count('<details class="tuned">') == 3  # code-security, its model-written set, answer-rules
    assert "<td>holdout</td>" in shown and "<td>dev</td>" not in shown and "<td>combined</td>" not in shown
    assert "<td>dev</td>" in section  # still there, folded away
    md = render_markdown(report)
    judges = md[md.index("## Judges"):]
    assert "| holdout2 |" in judges and "| dev |" not in judges and "Tuned and pooled splits" in judges
