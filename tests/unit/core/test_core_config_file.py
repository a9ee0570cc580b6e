"""Audit files: they round-trip with the flags (same config, same run id), flags override them, several models
make a sweep, and ``redline config validate`` names the file and the key of a mistake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from redline.cli import cli
from redline.config import RunConfig, make_config
from redline.config_file import file_of, load_audit_file, schema
from redline.errors import InputError

FLAG_SETS = [
    {},
    {"suites": ("smoke",), "model": "scripted/effect", "replicates": 3, "limit": 2, "seed": 7},
    {"suites": ("smoke", "code-security"), "model": "openai/m", "base_url": "http://127.0.0.1:9/v1",
     "api_key_env": "SOME_KEY", "conditions": ("bakery",), "max_tokens": 64, "temperature": 0.7,
     "profile": "standard", "timeout_s": 12.5, "retries": 1, "cache": False, "judge": False, "threads": 2},
    {"model": "scripted/echo", "until_decided": True, "max_trials": 500, "rounds": 3, "code_mode": "instruct",
     "judge_model": "scripted/echo", "judge_model_self_ok": True,
     "base_urls": ("http://127.0.0.1:9/v1",), "concurrency": 4},
]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("flags", FLAG_SETS)
def test_file_round_trips_with_the_flags(flags: dict[str, object], tmp_path: Path) -> None:
    cfg = make_config(**flags)
    path = tmp_path / "audit.yaml"
    path.write_text(yaml.safe_dump(file_of(cfg)), encoding="utf-8")
    again = make_config(**load_audit_file(path))
    assert again == cfg and again.audit_spec().run_id() == cfg.audit_spec().run_id()
    as_json = tmp_path / "audit.json"
    as_json.write_text(json.dumps(file_of(cfg)), encoding="utf-8")
    assert make_config(**load_audit_file(as_json)) == cfg


def test_cli_flags_and_file_plan_the_same_run(tmp_path: Path) -> None:
    flags = ["--suite", "smoke", "--model", "scripted/effect", "--replicates", "2", "--max-tokens", "32",
             "--conditions", "bakery", "--no-cache", "--runs-dir", str(tmp_path)]
    code, by_flags = invoke("run", "--dry-run", *flags)
    assert code == 0, by_flags
    path = tmp_path / "audit.yml"
    path.write_text("suites: [smoke]\nmodel: scripted/effect\nreplicates: 2\nmax-tokens: 32\nconditions: [bakery]\n"
                    f"cache: false\nruns_dir: {tmp_path}\n", encoding="utf-8")
    code, by_file = invoke("run", "--dry-run", "--config", str(path))
    assert code == 0, by_file
    assert by_file == by_flags
    code, overridden = invoke("run", "--dry-run", "--config", str(path), "--replicates", "3")
    assert code == 0 and "replicates" not in overridden
    first = overridden.splitlines()[0]
    assert first != by_flags.splitlines()[0]  # another audit, another run id
    assert first == invoke("run", "--dry-run", *flags[:4], "--replicates", "3", *flags[6:])[1].splitlines()[0]


def test_several_models_make_a_sweep(tmp_path: Path) -> None:
    path = tmp_path / "sweep.yaml"
    path.write_text(f"suites: [smoke]\nno_such_option: 1\nruns_dir: {tmp_path}\n", encoding="utf-8")
    code, out = invoke("run", "--config", str(path))
    assert code == 2 and f"{path}: no_such_option" in out
    path.write_text(f"suites: [smoke]\nruns_dir: {tmp_path / 'runs'}\nreport: false\n"
                    "models: [scripted/effect, {model: scripted/echo}]\n", encoding="utf-8")
    code, out = invoke("config", "validate", str(path))
    assert code == 0 and out.count(": ok: ") == 2
    code, out = invoke("run", "--config", str(path), "--dry-run")
    assert code == 0 and out.count("dry run: scripted-e") == 2 and not (tmp_path / "runs").exists(), out
    code, out = invoke("run", "--config", str(path), "--quiet")
    assert code == 0, out
    sweep_dir = Path(out.strip().splitlines()[-1])
    runs = json.loads((sweep_dir / "sweep.json").read_text(encoding="utf-8"))["runs"]
    assert [r["model"] for r in runs] == ["scripted/effect", "scripted/echo"] and all(r["run"] for r in runs)


def test_config_of_a_run_resumes_it(tmp_path: Path) -> None:
    code, out = invoke("run", "--suite", "smoke", "--model", "scripted/effect", "--limit", "1", "--runs-dir",
                       str(tmp_path), "--no-judge", "--quiet")
    assert code == 0, out
    run_path = out.strip().splitlines()[-1]
    code, text = invoke("config", "of", run_path)
    assert code == 0, text
    path = tmp_path / "again.yaml"
    path.write_text(text, encoding="utf-8")
    code, plan = invoke("run", "--dry-run", "--config", str(path))
    assert code == 0 and f"resumes {run_path}" in plan and "0 to generate" in plan


def test_validate_names_the_mistake(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    for text, expected in (("replicates: 0\n", "--replicates"), ("model: nope\n", "--model"),
                           ("models: [{model: a/b, colour: red}]\n", "models.0"), ("- a\n", "mapping"),
                           ("fail_on: sometimes\n", "--fail-on"), ("model: [\n", "not valid YAML")):
        bad.write_text(text, encoding="utf-8")
        code, out = invoke("config", "validate", str(bad))
        assert code == 2 and str(bad) in out and expected in out, (text, out)


def test_schema_covers_every_option() -> None:
    props = schema()["properties"]
    assert set(RunConfig.model_fields) <= set(props) and {"models", "fail_on"} <= set(props)
    assert schema()["additionalProperties"] is False
    with pytest.raises(InputError):
        load_audit_file(Path("/nonexistent/audit.yaml"))
