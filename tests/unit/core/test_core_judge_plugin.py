"""Judges are plug-ins: a judge installed through the ``redline.judges`` entry point runs in ``redline run``
without touching redline's code, is recorded in the manifest, and its verdicts reach stats and the report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from redline.config import make_config
from redline.pipeline.audit import run_audit
from redline.registry import judge_classes, judge_names

PLUGINS = Path(__file__).resolve().parents[2] / "support" / "plugin_judge"


def install(site: Path, monkeypatch: pytest.MonkeyPatch, module: str, entry: str) -> Path:
    """Install a plug-in the way pip would: the module plus a dist-info with an entry point, on sys.path."""
    site.mkdir(exist_ok=True)
    shutil.copy(PLUGINS / f"{module}.py", site / f"{module}.py")
    info = site / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[redline.judges]\n{entry}\n")
    monkeypatch.syspath_prepend(str(site))
    return site


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return install(tmp_path / "site", monkeypatch, "redline_lengthjudge",
                   "answer-length = redline_lengthjudge:AnswerLengthJudge")


def test_plugin_judge_is_registered(installed_plugin: Path) -> None:
    assert "answer-length" in judge_names()
    assert judge_classes()["answer-length"].labels == ("short", "long")


def test_plugin_judge_runs_and_reaches_stats_and_report(installed_plugin: Path, runs_dir: Path) -> None:
    cfg = make_config(suites=("smoke",), model="scripted/effect", runs_dir=str(runs_dir), cache=False)
    run = run_audit(cfg, progress=False).run
    manifest = json.loads((run.path / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["judges"]) == {"code-security", "answer-rules", "answer-length"}
    assert manifest["primary_judges"] == {"code": "code-security", "question": "answer-rules"}
    verdicts = [json.loads(line) for line in (run.path / "verdicts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum(v["judge"] == "answer-length" for v in verdicts) == 6  # the smoke suite's six answers
    stats = json.loads((run.path / "stats.json").read_text(encoding="utf-8"))
    entry = stats["secondary_judges"]["answer-length"]
    assert entry["kind"] == "question" and entry["n"] == 6
    assert sum(n for labels in entry["labels"].values() for n in labels.values()) == 6
    assert stats["counts"]["by_kind"]["question"]["ok"] == 6  # outcomes still count the primary judge
    assert "answer-length: labels per condition" in (run.path / "report.md").read_text(encoding="utf-8")
    assert "answer-length: labels per condition" in (run.path / "report.html").read_text(encoding="utf-8")
    assert run.judge_agreement() is None  # short / long is not the rule judge's labelling: nothing to compare


def test_a_plugin_judge_with_the_primary_judges_labels_gets_agreement_figures(
        tmp_path: Path, runs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install(tmp_path / "site", monkeypatch, "redline_agreejudge", "answer-agree = redline_agreejudge:AnswerAgreeJudge")
    cfg = make_config(suites=("smoke",), model="scripted/effect", runs_dir=str(runs_dir), cache=False)
    run = run_audit(cfg, progress=False).run
    agreement = json.loads((run.path / "judge_agreement.json").read_text(encoding="utf-8"))
    rules = [v.label for v in run.verdicts().values() if v.judge == "answer-rules"]
    assert agreement["judges"] == ["answer-rules", "answer-agree"] and agreement["n"] == 6
    assert agreement["agreement"] == pytest.approx(rules.count("substantive") / 6)
    assert "answer-agree vs answer-rules (this run)" in (run.path / "report.md").read_text(encoding="utf-8")


def test_without_the_plugin_the_judge_set_is_the_built_in_one(runs_dir: Path) -> None:
    cfg = make_config(suites=("smoke",), model="scripted/effect", runs_dir=str(runs_dir), cache=False, report=False)
    run = run_audit(cfg, progress=False).run
    manifest = json.loads((run.path / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["judges"]) == {"code-security", "answer-rules"}
    assert "secondary_judges" not in json.loads((run.path / "stats.json").read_text(encoding="utf-8"))
