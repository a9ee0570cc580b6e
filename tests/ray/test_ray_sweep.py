"""``redline sweep``: the models file, one audit per model on a shared Ray instance, the combined comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from redline.commands.sweep import sweep
from redline.errors import InputError
from redline.pipeline.sweep import ModelLine, parse_models, sweep_id
from redline.store.run_dir import RunDir

pytestmark = pytest.mark.ray


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "models.txt"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_models_file_lines_comments_and_endpoints(tmp_path: Path) -> None:
    path = write(tmp_path, "# models to audit\n\nopenai/qwen http://a:8000/v1 http://b:8000/v1  # two servers\n"
                           "scripted/effect\nopenai/gpt api_key_env=MY_KEY https://api.example/v1\n")
    assert parse_models(path) == [
        ModelLine(line=3, model="openai/qwen", base_url="http://a:8000/v1", base_urls=("http://b:8000/v1",)),
        ModelLine(line=4, model="scripted/effect"),
        ModelLine(line=5, model="openai/gpt", base_url="https://api.example/v1", api_key_env="MY_KEY"),
    ]


@pytest.mark.parametrize(("text", "where"), [
    ("", ":1:"),
    ("# only a comment\n", ":1:"),
    ("scripted/effect\nnot-a-model\n", ":2:"),
    ("scripted/effect\nscripted/effect\n", ":2:"),
    ("openai/x ftp://host/v1\n", ":1:"),
    (b"scripted/effect\n\xff\xfe\n", ":2:"),
])
def test_bad_models_files_name_the_line(tmp_path: Path, text: str | bytes, where: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError, match=f"models.txt{where}"):
        parse_models(path)


def test_sweep_id_is_stable_and_follows_the_models() -> None:
    a = [ModelLine(1, "scripted/effect"), ModelLine(2, "scripted/echo")]
    assert sweep_id(a, {"limit": 2}) == sweep_id(list(a), {"limit": 2, "fresh": True})
    assert sweep_id(a, {"limit": 2}) != sweep_id(a[:1], {"limit": 2})
    assert sweep_id(a, {"limit": 2}) != sweep_id(a, {"limit": 3})


def _cli() -> click.Group:
    group = click.Group("redline")
    group.add_command(sweep)
    return group


def test_sweep_audits_every_model_on_ray_and_compares(tmp_path: Path, ray_instance: Any) -> None:
    models = write(tmp_path, "scripted/effect\nscripted/refuse  # always refuses\n")
    runs_dir = tmp_path / "runs"
    args = ["sweep", str(models), "--suite", "censorship", "--limit", "2", "--executor", "ray",
            "--runs-dir", str(runs_dir), "--no-report", "--quiet"]
    result = CliRunner().invoke(_cli(), args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = Path(result.output.strip().splitlines()[-1])
    assert out.parent == runs_dir and out.name.startswith("sweep-")
    record = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    assert [r["model"] for r in record["runs"]] == ["scripted/effect", "scripted/refuse"]
    runs = [RunDir(Path(r["run"])) for r in record["runs"]]
    for run in runs:
        assert run.manifest().config["executor"] == "ray"
        assert len(run.generations()) == len(run.trials()) > 0
    comparison = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    assert len(comparison["runs"]) == 2 and comparison["differences"]
    refusals = [r for r in comparison["rates"] if r["outcome"] == "refusal"]
    assert refusals and all(r["runs"][1]["rate"] > r["runs"][0]["rate"] for r in refusals if None not in r["runs"])

    again = CliRunner().invoke(_cli(), args, catch_exceptions=False)  # resumes: nothing new generated
    assert again.exit_code == 0
    assert all(len(r.generations()) == len(r.trials()) for r in runs)
    assert Path(again.output.strip().splitlines()[-1]) == out


def test_sweep_keeps_going_when_one_model_fails(tmp_path: Path) -> None:
    models = write(tmp_path, "scripted/effect\nopenai/nowhere http://127.0.0.1:9/v1\n")
    args = ["sweep", str(models), "--suite", "smoke", "--runs-dir", str(tmp_path / "runs"), "--no-judge",
            "--no-report", "--quiet"]
    result = CliRunner().invoke(_cli(), args)
    assert result.exit_code == 1
    record = json.loads((Path(result.output.strip().splitlines()[-1]) / "sweep.json").read_text(encoding="utf-8"))
    assert record["runs"][0]["error"] is None and record["runs"][0]["status"] == "complete"
    assert "127.0.0.1:9" in record["runs"][1]["error"]
