"""public_eval: loading, unit-preserving sampling, judge input and the metrics, on tiny rows written here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from redline.errors import InputError
from redline.evaluation import public as pe


def _write(folder: Path, kind: str, rows: list[dict[str, Any]]) -> Path:
    (folder / kind).mkdir(parents=True, exist_ok=True)
    (folder / kind / "mini.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


def _code(rid: str, label: str, *, split: str = "test", pair: str | None = None, source: str = "s1",
          language: str = "python") -> dict[str, Any]:
    return {"id": rid, "source": source, "language": language, "code": f"x = '{rid}'\n", "label": label,
            "cwes": ["CWE-89"], "pair_id": pair, "split": split, "unit": pair or rid}


def test_load_rejects_unknown_label_and_duplicate_ids(tmp_path: Path) -> None:
    _write(tmp_path, "code", [_code("a", "maybe")])
    with pytest.raises(InputError, match="label must be one of"):
        pe.load_public(tmp_path, "code")
    _write(tmp_path, "code", [_code("a", "secure"), _code("a", "vulnerable")])
    with pytest.raises(InputError, match="duplicate ids"):
        pe.load_public(tmp_path, "code")
    with pytest.raises(InputError, match="no such folder"):
        pe.load_public(tmp_path, "answers")


def test_select_keeps_split_language_and_twins_together() -> None:
    rows = [_code("v1", "vulnerable", pair="p1"), _code("s1", "secure", pair="p1"),
            _code("v2", "vulnerable", pair="p2"), _code("s2", "secure", pair="p2"),
            _code("d", "secure", split="dev"), _code("c", "secure", language="c"),
            _code("o1", "secure", source="s2"), _code("o2", "vulnerable", source="s2")]
    picked = pe.select(rows, kind="code", split="test", limit=4, seed=1)
    ids = {r["id"] for r in picked}
    assert len(picked) == 4 and "d" not in ids and "c" not in ids
    for a, b in (("v1", "s1"), ("v2", "s2")):
        assert (a in ids) == (b in ids)  # twins are never split by the sample
    assert ids & {"o1", "o2"}  # round-robin: the second source is not crowded out
    assert pe.select(rows, kind="code", split="test", limit=4, seed=1) == picked  # seeded


def test_select_keeps_the_named_languages_and_the_judge_input_keeps_the_language() -> None:
    rows = [_code("p", "secure"), _code("j", "vulnerable", language="javascript"), _code("c", "secure", language="c")]
    assert {r["id"] for r in pe.select(rows, kind="code", split="test")} == {"p"}  # Python by default
    picked = pe.select(rows, kind="code", split="test", languages=("javascript", "c"))
    assert {r["id"] for r in picked} == {"j", "c"}
    assert {r["language"] for r in pe.judge_input(picked, "code")} == {"javascript", "c"}


def test_judge_input_hides_the_gold_label() -> None:
    code = pe.judge_input([_code("a", "vulnerable")], "code")[0]
    assert set(code) == {"id", "code", "language", "cwes"}
    answer = pe.judge_input([{"id": 1, "answer": "no", "prompt": "q", "language": "zh", "label": "refusal"}],
                            "answers")[0]
    assert answer == {"id": 1, "response": "no", "prompt": "q", "language": "zh"}


def test_kappa_and_prf_known_values() -> None:
    assert pe.cohen_kappa(["a", "a", "b", "b"], ["a", "a", "b", "b"]) == pytest.approx(1.0)
    assert pe.cohen_kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"]) == pytest.approx(0.0)
    assert pe.cohen_kappa(["a", "a"], ["a", "a"]) is None
    m = pe.prf(["v", "v", "s", "s"], ["v", "s", "v", "s"], "v")
    assert (m["tp"], m["fp"], m["fn"]) == (1, 1, 1) and m["f1"] == pytest.approx(0.5)


def test_score_code_counts_other_outcomes_as_not_vulnerable_and_ranks_twins() -> None:
    rows = [_code("v1", "vulnerable", pair="p1"), _code("s1", "secure", pair="p1"),
            _code("v2", "vulnerable", pair="p2"), _code("s2", "secure", pair="p2"), _code("x", "vulnerable")]
    judged = [{"id": "v1", "outcome": "vulnerable", "severity": 4}, {"id": "s1", "outcome": "secure", "severity": 1},
              {"id": "v2", "outcome": "secure", "severity": 1}, {"id": "s2", "outcome": "secure", "severity": 1},
              {"id": "x", "outcome": "invalid", "severity": None}]
    report = pe.score_code(rows, judged)
    overall = report["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (1, 0, 2)
    assert overall["other_outcomes"] == {"invalid": 1}
    severity_only = {"n": 2, "vulnerable_higher": 1, "ties": 1, "accuracy": 0.5}
    assert overall["pairs"] == {**severity_only, "severity_only": severity_only}  # no risk: the same figures
    assert overall["judged_only"]["n"] == 4
    assert overall["by_cwe"]["CWE-89"]["n"] == 5 and overall["by_cwe"]["CWE-89"]["tp"] == 1
    assert "| s1 | 5 |" in pe.table(report, "code")
    with pytest.raises(InputError, match="lacks 1"):
        pe.score_code(rows, judged[:-1])


def _twins(*sides: tuple[tuple[int | None, float | None], tuple[int | None, float | None]]) -> tuple[
        list[dict[str, Any]], list[dict[str, Any]]]:
    rows, judged = [], []
    for k, pair in enumerate(sides):
        for label, (severity, risk) in zip(("vulnerable", "secure"), pair, strict=True):
            rows.append(_code(f"{label}{k}", label, pair=f"p{k}"))
            judged.append({"id": f"{label}{k}", "outcome": "secure", "severity": severity, "risk": risk})
    return rows, judged


def test_pairwise_ranks_by_severity_then_risk_and_a_tie_still_fails() -> None:
    rows, judged = _twins(((2, 0.1), (1, 0.9)),  # severity decides, whatever the risk
                          ((1, 0.9), (2, 0.1)),  # a higher risk never outranks a higher severity
                          ((1, 0.4), (1, 0.2)),  # same severity: risk orders the twins
                          ((1, 0.2), (1, 0.4)),  # ... either way
                          ((1, 0.3), (1, 0.3)),  # same severity and risk: a tie, which fails
                          ((None, None), (None, None)))  # neither judged: a tie
    pairs = pe.score_code(rows, judged)["overall"]["pairs"]
    assert {k: pairs[k] for k in ("n", "vulnerable_higher", "ties")} == {"n": 6, "vulnerable_higher": 2, "ties": 2}
    assert pairs["accuracy"] == pytest.approx(2 / 6)
    assert pairs["severity_only"] == {"n": 6, "vulnerable_higher": 1, "ties": 4, "accuracy": pytest.approx(1 / 6)}


def test_pairwise_without_risk_is_the_severity_ranking_and_the_table_prints_both() -> None:
    rows, judged = _twins(((3, None), (1, None)), ((1, None), (1, 0.5)), ((1, 0.5), (None, None)))
    report = pe.score_code(rows, judged)
    pairs = report["overall"]["pairs"]
    assert (pairs["vulnerable_higher"], pairs["ties"]) == (2, 0)  # missing risk ranks as 0; unjudged lowest
    assert (pairs["severity_only"]["vulnerable_higher"], pairs["severity_only"]["ties"]) == (2, 1)
    text = pe.table(report, "code")
    assert "pairwise acc. (severity only)" in text and "ties (severity only)" in text
    assert "| 3 | 0.67 | 0 | 0.67 | 1 |" in text


def test_score_answers_folds_the_judge_labels() -> None:
    rows = [{"id": i, "source": "src", "language": lang, "answer": "t", "label": gold}
            for i, (lang, gold) in enumerate([("en", "refusal"), ("en", "evasive"), ("en", "complete"),
                                              ("zh", "evasive"), ("zh", "complete")])]
    judged = [{"id": 0, "label": "refusal"}, {"id": 1, "label": "state_narrative"}, {"id": 2, "label": "substantive"},
              {"id": 3, "label": "deflection"}, {"id": 4, "label": "refusal"}]
    report = pe.score_answers(rows, judged)
    assert report["src/en"]["accuracy"] == pytest.approx(1.0) and report["src/en"]["kappa"] == pytest.approx(1.0)
    assert report["src/zh"]["confusion"] == {"complete->refusal": 1, "evasive->evasive": 1}
    assert report["overall"]["per_label"]["complete"]["recall"] == pytest.approx(0.5)


def test_cli_prepare_then_score_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _write(tmp_path / "d", "answers", [
        {"id": "a", "source": "src", "language": "en", "prompt": "q", "answer": "I can't help.", "label": "refusal",
         "split": "test"},
        {"id": "b", "source": "src", "language": "en", "prompt": "q", "answer": "Sure.", "label": "complete",
         "split": "dev"}])
    inp = tmp_path / "in.jsonl"
    assert pe.main(["prepare", str(data), "--kind", "answers", "--out", str(inp)]) == 0
    assert [json.loads(x)["id"] for x in inp.read_text().splitlines()] == ["a"]  # dev stays out of test
    judged = tmp_path / "out.jsonl"
    judged.write_text(json.dumps({"id": "a", "label": "refusal"}) + "\n")
    assert pe.main(["score", str(data), "--kind", "answers", "--judged", str(judged)]) == 0
    assert "| src/en | 1 |" in capsys.readouterr().out
