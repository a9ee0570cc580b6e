from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import COMMANDS, cli

HEAVY = ("xllamacpp", "duckdb", "semgrep", "torch", "ray", "huggingface_hub", "bandit", "numpy", "scipy",
         "statsmodels", "pydantic", "httpx", "rich")


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_help_imports_nothing_heavy() -> None:
    code = ("import sys; from redline.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
    assert "Commands:" in out and "suites" in out


def test_every_listed_command_loads_and_has_help() -> None:
    for name in COMMANDS:
        module = COMMANDS[name][0].partition(":")[0]
        try:
            __import__(module)
        except ModuleNotFoundError:
            continue  # a command whose module is not part of this build is not listed either
        code, out = invoke(name, "--help")
        assert code == 0, (name, out)
        assert "Usage:" in out


def test_suites_list_show_validate(tmp_path: Path) -> None:
    code, out = invoke("suites", "list")
    assert "smoke\tv1\t4 cases\t2 triggers" in out
    code, out = invoke("suites", "show", "smoke", "--json")
    data = json.loads(out)
    assert set(data) >= {"name", "version", "hash", "cases", "triggers"}
    assert set(data["cases"][0]) >= {"id", "kind", "language", "topic", "category"}
    for trig in data["triggers"]:  # sensitive triggers also name their matched controls (issue 12)
        assert set(trig) == ({"id", "group", "text", "controls", "counterpart"} if trig["group"] == "sensitive"
                             else {"id", "group", "text"})
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nversion: '1'\ncases:\n  - {id: x, kind: nope, prompt: p}\n", encoding="utf-8")
    code, out = invoke("suites", "validate", str(bad))
    assert code == 2 and f"{bad}:4:" in out and "Traceback" not in out


def test_run_query_and_runs_list(runs_dir: Path) -> None:
    code, out = invoke("run", "--suite", "smoke", "--model", "scripted/effect", "--runs-dir", str(runs_dir),
                       "--no-judge", "--no-report", "--quiet")
    assert code == 0, out
    run_path = Path(out.strip().splitlines()[-1])
    assert run_path.parent == runs_dir and (run_path / "manifest.json").exists()
    code, out = invoke("runs", "--runs-dir", str(runs_dir))
    assert code == 0 and run_path.name in out and "complete" in out
    code, out = invoke("query", "--runs-dir", str(runs_dir), "--format", "json",
                       "select condition_id, count(*) as n from generations group by 1 order by 1")
    assert code == 0, out
    assert json.loads(out) == [{"condition_id": c, "n": 4} for c in ("bakery", "baseline", "tibet-ics")]
    code, out = invoke("query", "--runs-dir", str(runs_dir), "select * from nowhere")
    assert code == 2 and "query:" in out


@pytest.mark.parametrize(("args", "fragment"), [
    (("run", "--model", "nosuch/x"), "--model: unknown provider 'nosuch'"),
    (("run", "--model", "openai/x"), "--base-url: required"),
    (("run", "--model", "openai/x", "--base-url", "http://127.0.0.1:9/v1", "--api-key-env", "NOPE_NOT_SET"),
     "NOPE_NOT_SET is not set"),
    (("run", "--suite", "nosuch"), "no such suite"),
    (("run", "--suite", "smoke", "--conditions", "mars"), "--conditions: unknown condition 'mars'"),
    (("run", "--replicates", "0"), "--replicates"),
    (("run", "--run-id", "../evil"), "--run-id"),
    (("runs", "list", "--runs-dir", "/nonexistent/x"), "no runs"),
])
def test_bad_input_is_one_line_exit_2(args: tuple[str, ...], fragment: str, runs_dir: Path) -> None:
    extra = ["--runs-dir", str(runs_dir)] + ([] if "--suite" in args else ["--suite", "smoke"])
    code, out = invoke(*args, *(extra if args[0] == "run" else []))
    assert fragment in out, out
    assert "Traceback" not in out
    if args[0] == "run":
        assert code == 2 and len(out.strip().splitlines()) == 1
