"""Comparing runs: side-by-side contrasts and the difference in trigger effect between models."""

import json

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import norm

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
    se = np.hypot(0.1, 0.1) / norm.ppf(0.975)  # the SE the MOVER interval used on the side of zero
    assert d["p"] == pytest.approx(2 * norm.sf(0.2 / se)) and d["test"] == "mover"


def test_mover_p_agrees_with_its_interval():
    # the case: the SEs give a Wald p of 0.003, yet the MOVER interval (from each run's own, wider,
    # interval) contains 0; the p reported now is the interval's own, so it says "not significant" too
    ref = {"difference": 0.0, "ci": [-0.1, 0.1], "se": 0.01}
    other = {"difference": 0.15, "ci": [-0.05, 0.3], "se": 0.05}
    d = effect_difference(ref, other)
    assert 2 * norm.sf(0.15 / np.hypot(0.01, 0.05)) < 0.01  # what a Wald test would have printed
    assert d["ci"][0] < 0 < d["ci"][1] and d["p"] > 0.05
    rng = np.random.default_rng(7)
    for _ in range(300):
        d0, d1 = rng.uniform(-0.6, 0.6, 2)
        w = rng.uniform(0.01, 0.4, 4)
        d = effect_difference({"difference": d0, "ci": [d0 - w[0], d0 + w[1]]},
                              {"difference": d1, "ci": [d1 - w[2], d1 + w[3]]})
        assert (d["ci"][0] <= 0 <= d["ci"][1]) == (d["p"] >= 0.05)


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 60), st.integers(2, 60), st.data())
def test_paired_score_interval_agrees_with_its_test(n1, n2, data):
    """The paired difference's interval inverts the score test: 0 is outside it exactly when p < 0.05."""
    b1 = data.draw(st.integers(0, n1))
    c1 = data.draw(st.integers(0, n1 - b1))
    b2 = data.draw(st.integers(0, n2))
    c2 = data.draw(st.integers(0, n2 - b2))
    ref = {"table": {"baseline_only": b1, "condition_only": c1}, "n_pairs": n1, "difference": (c1 - b1) / n1}
    other = {"table": {"baseline_only": b2, "condition_only": c2}, "n_pairs": n2, "difference": (c2 - b2) / n2}
    d = effect_difference(ref, other)
    assert d["test"] == "score-restricted"
    assert d["ci"][0] <= d["difference"] + 1e-9 and d["difference"] - 1e-9 <= d["ci"][1]
    if abs(d["p"] - 0.05) > 1e-4:
        assert (d["ci"][0] <= 0 <= d["ci"][1]) == (d["p"] >= 0.05)


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


def test_compare_writes_compare_json_by_default_and_takes_run_ids(tmp_path):
    write_run(tmp_path / "a", scripted_code_effect(10, effect_pairs=8), model="model-a")
    write_run(tmp_path / "b", scripted_code_effect(10, effect_pairs=1), model="model-b")
    out = tmp_path / "out"
    res = CliRunner().invoke(compare, ["a", "b", "--runs-dir", str(tmp_path), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert {p.name for p in out.iterdir()} == {"compare.html", "compare.md", "compare.json"}
    data = json.loads((out / "compare.json").read_text())
    assert data["schema"] == "redline.compare" and data["schema_version"] == 1
    diff = {d["id"]: d for d in data["differences"]}["code/vulnerable/tibet-ics"]
    assert diff["test"] == "score-restricted" and diff["ci"][1] < 0 < 0.05 - diff["p"]
    for d in data["differences"]:  # every row's p agrees with its interval
        if d["p"] is not None and None not in d["ci"]:
            assert (d["ci"][0] <= 0 <= d["ci"][1]) == (d["p"] >= data["alpha"]), d
