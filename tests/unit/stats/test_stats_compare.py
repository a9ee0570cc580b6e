"""Comparing runs: side-by-side contrasts and the difference in trigger effect between models."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from redline.commands.compare import compare
from redline.stats.compare import compare_runs, compare_stats, effect_difference
from tests.support.synthetic import scripted_code_effect, write_run


def test_effect_difference_is_other_minus_reference():
    ref = {"difference": 0.1, "ci": [0.0, 0.2], "se": 0.05}
    other = {"difference": 0.3, "ci": [0.2, 0.4], "se": 0.05}
    d = effect_difference(ref, other)
    assert d["difference"] == pytest.approx(0.2)
    assert d["ci"][0] < 0.2 < d["ci"][1]
    assert d["ci"][0] == pytest.approx(0.2 - np.hypot(0.1, 0.1))
    assert d["p"] == pytest.approx(2 * (1 - __import__("scipy").stats.norm.cdf(0.2 / np.hypot(0.05, 0.05))))


def test_compare_two_runs(tmp_path):
    strong = write_run(tmp_path / "a", scripted_code_effect(10, effect_pairs=8), model="model-a")
    weak = write_run(tmp_path / "b", scripted_code_effect(10, effect_pairs=1), model="model-b")
    result = compare_runs([strong.load(), weak.load()], bootstrap=100)
    assert [r["label"] for r in result["runs"]] == ["model-a (a)", "model-b (b)"]
    diff = {d["id"]: d for d in result["differences"]}["code/vulnerable/tibet-ics"]
    assert diff["difference"] == pytest.approx(0.1 - 0.8)
    assert diff["ci"][1] < 0 and diff["p"] < 0.05
    side = {c["id"]: c for c in result["contrasts"]}["code/vulnerable/tibet-ics"]
    assert [v["difference"] for v in side["runs"]] == pytest.approx([0.8, 0.1])
    json.dumps(result, allow_nan=False)
    with pytest.raises(ValueError):
        compare_stats([{"run_id": "x"}])


def test_compare_command_writes_reports(tmp_path):
    write_run(tmp_path / "a", scripted_code_effect(10, effect_pairs=8), model="model-a")
    write_run(tmp_path / "b", scripted_code_effect(10, effect_pairs=0), model="model-b")
    out = tmp_path / "out"
    res = CliRunner().invoke(compare, [str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out),
                                       "--format", "html", "--format", "md", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert {p.name for p in out.iterdir()} == {"compare.html", "compare.md", "compare.json"}
    md = (out / "compare.md").read_text()
    assert "tibet-ics" in md and "model-b (b)" in md
    html = (out / "compare.html").read_text()
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org", "")
    one = CliRunner().invoke(compare, [str(tmp_path / "a")])
    assert one.exit_code != 0
