"""`redline export`: Parquet tables, a Hugging Face folder and an Inspect AI log that Inspect itself reads;
every file stays in --out and no credential leaves the run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.errors import InputError
from redline.export.inspect_log import build_log, export_inspect
from redline.export.paths import inside, prepare_out
from redline.export.samples import scrub
from redline.export.tables import export_hf, export_parquet
from redline.stats.observations import load_observations
from redline.store.run_dir import RunDir
from tests.support.viewer_runs import HOSTILE_CASE, HUGE, PLANT, make_runs

SECRET_URL = "https://alice:sk-abcdefgh12345678@api.example.invalid/v1?api_key=SEKRETQUERY"
SECRET_ENV = "supersecretvalue123"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> RunDir:
    demo = make_runs(tmp_path_factory.mktemp("runs"))["demo"]
    m = demo.manifest()
    demo.write_manifest(m.model_copy(update={"config": {"model": "openai/x", "base_url": SECRET_URL,
                                                        "api_key_env": "MY_KEY", "base_urls": [SECRET_URL],
                                                        "max_tokens": 64, "temperature": 0.0, "seed": 3},
                                             "backend": {**m.backend, "base_url": SECRET_URL,
                                                         "authorization": "Bearer abc"}}))
    return demo


def rows(path: Path) -> list[dict]:
    cur = duckdb.connect().execute(f"SELECT * FROM read_parquet('{path}')")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def all_text(out: Path) -> str:
    """Every exported byte as text (Parquet decoded through DuckDB, so compression hides nothing)."""
    parts = []
    for p in sorted(out.rglob("*")):
        if p.suffix == ".parquet":
            parts.append(json.dumps(rows(p), default=str, ensure_ascii=False))
        elif p.is_file():
            parts.append(p.read_text(encoding="utf-8"))
    return "\n".join(parts)


def test_parquet_tables(run: RunDir, tmp_path: Path) -> None:
    out = prepare_out(tmp_path / "pq", run.path)
    names = sorted(p.name for p in export_parquet(run, out))
    assert names == ["cases.parquet", "generations.parquet", "run_manifest.json", "samples.parquet",
                     "trials.parquet", "verdicts.parquet"]
    gen_lines = (run.path / "generations.jsonl").read_text(encoding="utf-8").count("\n")
    assert len(rows(out / "generations.parquet")) == gen_lines
    assert len(rows(out / "verdicts.parquet")) == (run.path / "verdicts.jsonl").read_text().count("\n")
    samples = rows(out / "samples.parquet")
    obs = load_observations(run.load()).observations
    assert len(samples) == len(obs) and {s["trial_id"] for s in samples} == {o.trial_id for o in obs}
    by_id = {o.trial_id: o for o in obs}
    assert all(s["label"] == by_id[s["trial_id"]].label and s["status"] == by_id[s["trial_id"]].status
               for s in samples)
    hostile = next(s for s in samples if s["case_id"] == HOSTILE_CASE and s["condition_id"] == "baseline")
    assert hostile["answer"].endswith(PLANT)  # exported exactly, not escaped or cut
    assert json.loads(hostile["findings"])[0]["line"] == 4
    assert max(len(s["answer"] or "") for s in samples) == HUGE


def test_hf_folder(run: RunDir, tmp_path: Path) -> None:
    out = prepare_out(tmp_path / "hf", run.path)
    export_hf(run, out)
    card = (out / "README.md").read_text(encoding="utf-8")
    head = card.split("---\n")[1]
    assert "path: data/samples.parquet" in head and "config_name: default" in head
    n = len(load_observations(run.load()).observations)
    assert f"| trials | {n} |" in card and "`scripted/synthetic-model`" in card
    jsonl = [json.loads(line) for line in (out / "data" / "samples.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(jsonl) == len(rows(out / "data" / "samples.parquet")) == n


def test_inspect_log_structure(run: RunDir) -> None:
    log = build_log(run)
    ids = [(s["id"], s["epoch"]) for s in log["samples"]]
    assert len(ids) == len(set(ids)) == len(load_observations(run.load()).observations)
    assert all(s["epoch"] >= 1 for s in log["samples"])
    assert log["eval"]["model"] == "scripted/synthetic-model" and log["results"]["total_samples"] == len(ids)
    with_reasoning = [s for s in log["samples"] if s["output"]["choices"]
                      and isinstance(s["output"]["choices"][0]["message"]["content"], list)]
    assert any(not s["output"]["choices"] for s in log["samples"])  # missing trials: no output, still a sample
    assert with_reasoning and with_reasoning[0]["output"]["choices"][0]["message"]["content"][0]["type"] == "reasoning"


def test_inspect_reads_the_log(run: RunDir, tmp_path: Path) -> None:
    pytest.importorskip("inspect_ai")
    from inspect_ai.log import list_eval_logs, read_eval_log

    out = prepare_out(tmp_path / "inspect", run.path)
    (path,) = export_inspect(run, out)
    log = read_eval_log(str(path))
    obs = {o.trial_id: o for o in load_observations(run.load()).observations}
    assert log.status == "success" and log.samples is not None and len(log.samples) == len(obs)
    for sample in log.samples:
        o = obs[sample.metadata["trial_id"]]
        judge = "code-security" if o.kind == "code" else "answer-rules"
        if o.label is not None:
            assert sample.scores is not None and sample.scores[judge].value == o.label
    assert {s.name for s in log.results.scores} >= {"code-security", "answer-rules", "answer-model"}
    assert len(list_eval_logs(str(out))) == 1


@pytest.mark.parametrize("fmt", ["parquet", "hf", "inspect"])
def test_no_credentials_are_exported(run: RunDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setenv("MY_KEY", SECRET_ENV)
    out = tmp_path / fmt
    result = CliRunner().invoke(cli, ["export", str(run.path), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = [Path(line) for line in result.output.splitlines()]
    assert written and all(p.is_file() and out.resolve() in p.parents for p in written)
    text = all_text(out)
    for secret in ("sk-abcdefgh12345678", "SEKRETQUERY", "alice", SECRET_ENV, "Bearer abc"):
        assert secret not in text, secret
    assert "https://api.example.invalid/v1" in text and "MY_KEY" in text  # the URL and the variable's name stay
    assert sorted(os.listdir(run.path)) == sorted(os.listdir(run.path))  # nothing added to the run


def test_scrub_keeps_facts_and_drops_secrets() -> None:
    facts = scrub({"api_key_env": "OPENAI_KEY", "api_key": "sk-live-123456789", "note": "token sk-abcdefghijk",
                   "url": "http://u:p@h:8000/v1?token=x", "nested": [{"password": "p"}]})
    assert facts == {"api_key_env": "OPENAI_KEY", "note": "token [withheld]", "url": "http://h:8000/v1",
                     "nested": [{}]}


def test_output_paths_are_validated(run: RunDir, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="inside the run"):
        prepare_out(run.path / "export", run.path)
    with pytest.raises(InputError, match="inside the run"):
        prepare_out(run.path, run.path)
    full = tmp_path / "full"
    full.mkdir()
    (full / "x").write_text("keep")
    with pytest.raises(InputError, match="not empty"):
        prepare_out(full, run.path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="not a directory"):
        prepare_out(tmp_path / "file", run.path)
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(InputError, match="symbolic link"):
        prepare_out(tmp_path / "link", run.path)
    out = prepare_out(tmp_path / "new" / "dir", run.path)
    with pytest.raises(InputError, match="outside"):
        inside(out, "..", "escape.txt")
    assert not (tmp_path / "new" / "escape.txt").exists()


def test_cli_errors_are_one_line(run: RunDir, tmp_path: Path) -> None:
    bad = CliRunner().invoke(cli, ["export", str(run.path), "--format", "csv", "--out", str(tmp_path / "o")])
    assert bad.exit_code == 2
    inside_run = CliRunner().invoke(cli, ["export", str(run.path), "--format", "hf", "--out", str(run.path / "x")])
    assert inside_run.exit_code == 2 and "inside the run directory" in inside_run.output
    assert not (run.path / "x").exists()
