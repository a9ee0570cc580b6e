"""The full analysis of the synthetic snapshots, checked against figures computed by hand.

tests/data/adoption/synthetic-2025-02-01.csv, last 30 days (total 1,000 downloads):

  model                                 uploader (bucket)        30d  lineage credit
  Qwen/Qwen2.5-7B                       Qwen (CN)                300  Qwen
  Qwen/Qwen2.5-7B-Instruct              Qwen (CN)                200  Qwen (via Qwen2.5-7B)
  meta-llama/Llama-3.1-8B               meta-llama (US)          150  meta-llama
  bartowski/Qwen2.5-7B-Instruct-GGUF    bartowski (intermediary) 150  Qwen (quantisation chain)
  someuser/llama-qwen-merge             someuser (unaffiliated)  100  50 meta-llama + 50 Qwen (merge)
  mistralai/Mistral-7B-v0.1             mistralai (FR)            50  mistralai
  anon/r1-distill-ft                    anon (unaffiliated)       50  deepseek-ai (CN; parent missing)
  anon/qwen-lora                        anon (unaffiliated)        0  Qwen
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.adoption.analysis import analyse
from redline.adoption.orgs import load_orgs
from redline.adoption.snapshot import read_snapshot
from redline.errors import InputError

DATA = Path(__file__).resolve().parents[2] / "data" / "adoption"
CURRENT = read_snapshot(DATA / "synthetic-2025-02-01.csv")
PREVIOUS = read_snapshot(DATA / "synthetic-2025-01-01.csv")


def _approx(d: dict[str, float]) -> object:
    return pytest.approx(d, abs=1e-12)


def test_uploader_last_30_days() -> None:
    r = analyse(CURRENT, attribution="uploader", top_k=3)
    assert r["attribution"] == "uploader"
    assert r["window"]["name"] == "30d" and r["window"]["total_downloads"] == 1000
    assert r["shares_by_country"] == _approx({"CN": 0.5, "US": 0.15, "intermediary": 0.15, "unaffiliated": 0.15,
                                               "FR": 0.05})
    assert r["shares_by_org"] == _approx({"Qwen": 0.5, "meta-llama": 0.15, "bartowski": 0.15, "someuser": 0.1,
                                           "anon": 0.05, "mistralai": 0.05})
    assert r["hhi"] == pytest.approx(0.25 + 0.0225 + 0.0225 + 0.01 + 0.0025 + 0.0025)
    assert r["gini"] == pytest.approx(5200 / 12000)  # values 500,150,150,100,50,50
    assert r["top_k_share"] == pytest.approx(0.8)
    assert list(r["by_attribution"]) == ["uploader"]


def test_lineage_last_30_days() -> None:
    r = analyse(CURRENT, attribution="lineage", top_k=3)
    assert r["shares_by_country"] == _approx({"CN": 0.75, "US": 0.2, "FR": 0.05})
    assert r["shares_by_org"] == _approx({"Qwen": 0.7, "meta-llama": 0.2, "deepseek-ai": 0.05, "mistralai": 0.05})
    assert r["hhi"] == pytest.approx(0.49 + 0.04 + 0.0025 + 0.0025)
    # values 50, 50, 200, 700: Gini = 2 * (50 + 100 + 600 + 2800) / (4 * 1000) - 5 / 4
    assert r["gini"] == pytest.approx(0.525)
    assert r["top_k_share"] == pytest.approx(0.95)
    assert r["lineage"]["missing_parents"] == 1
    assert r["lineage"]["missing_parent_examples"] == ["deepseek-ai/DeepSeek-R1"]


def test_both_side_by_side() -> None:
    r = analyse(CURRENT, attribution="both")
    assert set(r["shares_by_country"]) == {"uploader", "lineage"}
    assert r["shares_by_country"]["lineage"]["CN"] == pytest.approx(0.75)
    assert r["hhi"]["uploader"] == pytest.approx(0.31)
    assert r["hhi"]["lineage"] == pytest.approx(0.535)
    assert r["by_attribution"]["uploader"]["hhi_points"] == pytest.approx(3100)


def test_quantised_sensitivity_view() -> None:
    r = analyse(CURRENT, attribution="both")
    up = r["by_attribution"]["uploader"]
    assert up["quantized_share"] == pytest.approx(0.15)
    wq = up["without_quantized"]
    assert wq["total_downloads"] == pytest.approx(850)
    assert wq["shares_by_country"] == _approx({"CN": 500 / 850, "US": 150 / 850, "unaffiliated": 150 / 850,
                                               "FR": 50 / 850})
    lin = r["by_attribution"]["lineage"]["without_quantized"]
    # lineage without the GGUF copy: Qwen 550 + deepseek-ai 50 (CN), meta-llama 200 (US), mistralai 50 (FR)
    assert lin["shares_by_country"] == _approx({"CN": 600 / 850, "US": 200 / 850, "FR": 50 / 850})
    excluded = analyse(CURRENT, attribution="uploader", exclude_quantized=True)
    assert excluded["shares_by_country"] == wq["shares_by_country"]
    assert excluded["exclude_quantized"] is True


def test_all_time_window() -> None:
    r = analyse(CURRENT, attribution="uploader", window="all")
    total = 5000 + 3000 + 6000 + 2000 + 400 + 4000 + 50
    assert r["window"]["total_downloads"] == total
    assert r["shares_by_country"]["CN"] == pytest.approx(8000 / total)
    assert r["shares_by_country"]["FR"] == pytest.approx(4000 / total)


def test_between_window() -> None:
    r = analyse(CURRENT, attribution="both", window="between", previous=PREVIOUS)
    assert r["window"]["total_downloads"] == 1100
    assert r["previous"]["date"].startswith("2025-01-01")
    assert r["shares_by_country"]["uploader"] == _approx(
        {"CN": 500 / 1100, "intermediary": 200 / 1100, "US": 200 / 1100, "unaffiliated": 150 / 1100, "FR": 50 / 1100}
    )
    # lineage: Qwen 300 + 200 + 200 (GGUF) + 50 (half the merge); meta 200 + 50; deepseek 50; mistral 50
    assert r["shares_by_org"]["lineage"] == _approx(
        {"Qwen": 750 / 1100, "meta-llama": 250 / 1100, "deepseek-ai": 50 / 1100, "mistralai": 50 / 1100}
    )


def test_extra_organisations_change_buckets() -> None:
    r = analyse(CURRENT, attribution="uploader", orgs=load_orgs(DATA / "extra-orgs.yaml"))
    assert r["shares_by_country"]["DE"] == pytest.approx(0.1)  # someuser now a German company
    assert r["shares_by_country"]["unaffiliated"] == pytest.approx(0.05)


def test_cadence_and_derivatives() -> None:
    r = analyse(CURRENT)
    cadence = r["cadence"]
    assert cadence["by_month_country"]["2024-09"] == {"CN": 2, "intermediary": 1}
    assert cadence["by_month_org"]["2025-01"] == {"unaffiliated": 2}
    assert cadence["per_org"]["Qwen"]["repos"] == 2
    assert cadence["per_org"]["Qwen"]["median_days_between_releases"] == 1.0
    derivs = r["derivatives"]
    assert derivs["Qwen/Qwen2.5-7B"] == {"developer": "Qwen", "country": "CN", "finetune": 1, "quantization": 1,
                                         "adapter": 1, "merge": 1, "total": 4}
    assert derivs["meta-llama/Llama-3.1-8B"]["merge"] == 1
    assert derivs["deepseek-ai/DeepSeek-R1"]["finetune"] == 1
    assert list(derivs)[0] == "Qwen/Qwen2.5-7B"
    assert r["organisations"]["bartowski"]["bucket"] == "intermediary"


def test_bad_arguments() -> None:
    with pytest.raises(InputError, match="attribution must be one of"):
        analyse(CURRENT, attribution="owner")
    with pytest.raises(InputError, match="top-k must be at least 1"):
        analyse(CURRENT, top_k=0)
