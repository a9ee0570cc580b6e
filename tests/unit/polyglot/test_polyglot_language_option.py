"""``redline run --language``: code tasks are selected by their programming language before the profile samples
cases; the default (all three) keeps the run id an older run had; unknown languages are refused."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.config import make_config
from redline.errors import ConfigError
from redline.pipeline.plan import plan_trials
from redline.suites.loader import builtin_suites, load_suite

SUITE = load_suite(builtin_suites()["code-security"])
LANG = {c.id: c.code_language for c in SUITE.cases}


def languages(**values: object) -> Counter[str]:
    cfg = make_config(suites=("code-security",), model="scripted/effect", **values)
    return Counter(LANG[t.case_id] for t in plan_trials(cfg, [SUITE], base_model=False))


def test_full_profile_default_runs_every_language() -> None:
    counts = languages(profile="full", replicates=1, condition_sample=0)
    assert set(counts) == {"python", "javascript", "c"}
    assert counts["javascript"] == 52 and counts["c"] == 40  # one baseline trial per task


def test_language_selects_before_sampling() -> None:
    only_c = languages(profile="quick", code_languages=("c",))
    assert set(only_c) == {"c"} and only_c["c"] >= 6  # the quick profile's 6 cases are drawn among the C tasks
    js_c = languages(profile="full", replicates=1, condition_sample=0, code_languages=("js", "c"))
    assert dict(js_c) == {"javascript": 52, "c": 40}


def test_all_three_is_the_default_run() -> None:
    default = make_config(suites=("code-security",), model="scripted/effect")
    every = make_config(suites=("code-security",), model="scripted/effect",
                        code_languages=("c", "python", "javascript"))
    python = make_config(suites=("code-security",), model="scripted/effect", code_languages=("python",))
    assert every.code_languages == () and every.audit_spec().run_id() == default.audit_spec().run_id()
    assert python.audit_spec().run_id() != default.audit_spec().run_id()
    # runs made before the option existed keep their id: the default spec digests without the field
    spec = default.audit_spec()
    before = {k: v for k, v in spec.model_dump(mode="json").items()
              if k != "code_languages" and not (k == "alpha" and v == 0.05)}  # default alpha is left out too
    assert spec.digest() == hashlib.sha256(json.dumps(before, sort_keys=True).encode()).hexdigest()[:8]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ConfigError, match="--code-languages"):
        make_config(suites=("code-security",), model="scripted/effect", code_languages=("rust",))


def test_cli_dry_run_counts_one_language(tmp_path: Path) -> None:
    args = ["run", "--suite", "code-security", "--model", "scripted/effect", "--profile", "full", "--replicates", "1",
            "--condition-sample", "0", "--runs-dir", str(tmp_path), "--dry-run"]
    only_js = CliRunner().invoke(cli, [*args, "--language", "javascript"])
    assert only_js.exit_code == 0, only_js.output
    every = CliRunner().invoke(cli, args)
    assert every.exit_code == 0, every.output
    bad = CliRunner().invoke(cli, [*args, "--language", "cobol"])
    assert bad.exit_code != 0 and "cobol" in bad.output
    assert only_js.output != every.output
