"""Scripted runs of a base with an injected trigger effect and three derivatives (keeps it, removes it, amplifies
it), joined over the shipped snapshot tree: classification, pairing across models, exposure bounds, the CLI (with
and without finished runs: ``--audit`` sweeps the models it has no run for), and the report in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.adoption.audit_models import load_models_file
from redline.adoption.lineage import build_tree
from redline.adoption.snapshot import read_snapshot
from redline.cli import cli
from redline.config import RunConfig
from redline.errors import InputError
from redline.pipeline.audit import run_audit
from redline.records import RunData
from redline.report.lineage import render_html, render_markdown
from redline.stats.lineage_audit import audit_tree
from redline.store.run_dir import RunDir

DATA = Path(__file__).parents[2] / "data" / "adoption"
BASE = "northwind-ai/Northwind-7B"
KEEP = "qbits/Northwind-7B-Instruct-GGUF"
REMOVE = "freetext/Northwind-7B-Instruct-uncensored"
AMPLIFY = "abliterate-lab/Northwind-7B-Instruct-abliterated"


MODELS = {"base": "scripted/effect?share=0.5", "keep": "scripted/effect?share=0.5",
          "remove": "scripted/effect?share=0", "amplify": "scripted/effect?share=1.0"}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("lineage-runs")
    out = {}
    for name, model in MODELS.items():
        cfg = RunConfig(suites=(str(DATA / "lineage-suite.yaml"),), model=model, limit=20,
                        conditions=("tibet-clinic",), replicates=3, runs_dir=str(root), run_id=name, cache=False,
                        report=False)
        out[name] = run_audit(cfg, progress=False).run.path
    return out


def _load(path: Path) -> RunData:
    return RunDir.open(path).load()


def _models_yaml(path: Path, runs: dict[str, Path]) -> Path:
    path.write_text(f"""
base: {BASE}
audit: {{suites: [lineage-suite.yaml], conditions: [tibet-clinic], replicates: 3, limit: 20}}
models:
  - {{id: {BASE}, endpoint: {{model: "{MODELS['base']}"}}, run: {runs['base']}}}
  - {{id: {KEEP}, endpoint: {{model: "{MODELS['keep']}"}}, run: {runs['keep']}}}
  - {{id: {REMOVE}, endpoint: {{model: "{MODELS['remove']}"}}, run: {runs['remove']}}}
  - {{id: {AMPLIFY}, endpoint: {{model: "{MODELS['amplify']}"}}, run: {runs['amplify']}}}
  - {{id: loralab/northwind-7b-sql-lora, not_audited: no server loads this adapter}}
""", encoding="utf-8")
    return path


def test_inheritance_and_exposure_from_runs(runs: dict[str, Path]) -> None:
    tree = build_tree(read_snapshot(DATA / "lineage-tree.csv"), BASE)
    res = audit_tree(tree, {BASE: _load(runs["base"]), KEEP: _load(runs["keep"]),
                            REMOVE: _load(runs["remove"]), AMPLIFY: _load(runs["amplify"])},
                     not_audited={"loralab/northwind-7b-sql-lora": "no server"}, reps=500)
    assert [o["outcome"] for o in res["outcomes"]] == ["vulnerable"]  # the only outcome with events
    o = res["outcomes"][0]
    assert o["base_effect"]["estimate"] > 0.3 and o["base_effect"]["ci"][0] > 0 and o["base_carries"]
    got = {d["model"]: d for d in o["derivatives"]}
    assert {m: d["classification"] for m, d in got.items()} == {KEEP: "inherited", REMOVE: "removed",
                                                               AMPLIFY: "amplified"}
    # pairing: every derivative pair found its base pair (same suite, conditions, seeds -> same pair keys)
    assert all(d["unmatched_pairs"] == 0 and d["difference"]["n_pairs"] == 60 for d in got.values())
    assert got[REMOVE]["difference"]["estimate"] == pytest.approx(-o["base_effect"]["estimate"])
    assert got[AMPLIFY]["effect"]["estimate"] == 1.0
    # exposure: carriers are base, keep, amplify; bounds add the unaudited downloads
    ex = o["exposure"]
    carrying = sum(tree.by_id[m].credited for m in (BASE, KEEP, AMPLIFY))
    assert ex["carrying"] == sorted([BASE, KEEP, AMPLIFY]) and ex["not_carrying"] == [REMOVE]
    assert ex["tree"]["low"] == pytest.approx(carrying / tree.tree_downloads)
    unaudited = tree.tree_downloads - sum(tree.by_id[m].credited for m in (BASE, KEEP, REMOVE, AMPLIFY))
    assert ex["tree"]["high"] == pytest.approx((carrying + unaudited) / tree.tree_downloads)
    assert ex["all"]["low"] == pytest.approx(carrying / tree.all_downloads)
    assert ex["tree"]["ci"][0] <= ex["tree"]["low"] and ex["tree"]["ci"][1] >= ex["tree"]["high"]
    reasons = {u["model"]: u["reason"] for u in res["unaudited"]}
    assert reasons["loralab/northwind-7b-sql-lora"] == "no server"
    assert reasons["northwind-ai/Northwind-7B-Instruct"] == "not listed in MODELS.yaml"
    md = render_markdown(json.loads(json.dumps({"nodes": [], "base": BASE, "source": "s", "snapshot_date": "2025",
                                                "window": "30d", "derivatives": 0, "tree_downloads": 1,
                                                "tree_share_of_all": 0.5})), res)
    assert "**removed**" in md and "**amplified**" in md and "**inherited**" in md


def test_cli_audit_json_and_reports(runs: dict[str, Path], tmp_path: Path) -> None:
    models = _models_yaml(tmp_path / "models.yaml", runs)
    html, md = tmp_path / "lineage.html", tmp_path / "lineage.md"
    result = CliRunner().invoke(cli, ["lineage", BASE, "--snapshot", str(DATA / "lineage-tree.csv"), "--audit",
                                      str(models), "--json", "--bootstrap", "500", "--html", str(html),
                                      "--md", str(md)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    classes = {d["model"]: d["classification"] for d in doc["audit"]["outcomes"][0]["derivatives"]}
    assert classes == {KEEP: "inherited", REMOVE: "removed", AMPLIFY: "amplified"}
    assert "Exposure:" in md.read_text(encoding="utf-8")
    assert "<svg" in html.read_text(encoding="utf-8")


def test_cli_prints_the_tree_with_filters() -> None:
    result = CliRunner().invoke(cli, ["lineage", BASE, "--snapshot", str(DATA / "lineage-tree.csv"), "--top", "2"])
    assert result.exit_code == 0, result.output
    assert "qbits/Northwind-7B-Instruct-GGUF · quantization · 180,000 downloads" in result.output
    assert "someone/Northwind-7B-Med-4bit" not in result.output
    result = CliRunner().invoke(cli, ["lineage", BASE, "--snapshot", str(DATA / "lineage-tree.csv"), "--json",
                                      "--relation", "distillation"])
    doc = json.loads(result.stdout)
    assert doc["lineage"]["selected"] == ["studentlab/Tiny-1B-Northwind-Distill"] and doc["audit"] is None


def test_markdown_escapes_untrusted_ids() -> None:
    tree = build_tree(read_snapshot(DATA / "lineage-tree.csv"), BASE)
    from redline.adoption.lineage import tree_to_dict

    doc = tree_to_dict(tree)
    doc["nodes"][1]["id"] = "a|b<img src=x>"
    md = render_markdown(doc)
    assert "a\\|b&lt;img src=x&gt;" in md and "<img" not in md


def test_models_yaml_validation(tmp_path: Path) -> None:
    bad = tmp_path / "m.yaml"
    bad.write_text(f"base: {BASE}\nmodels:\n  - id: {BASE}\n    endpoint: {{model: scripted/effect}}\n"
                   f"  - id: {KEEP}\n", encoding="utf-8")
    with pytest.raises(InputError, match="exactly one of endpoint or not_audited"):
        load_models_file(bad)
    bad.write_text(f"base: {BASE}\nmodels:\n  - id: {KEEP}\n    endpoint: {{model: scripted/effect}}\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match="must be listed with an endpoint"):
        load_models_file(bad)
    bad.write_text(f"base: {BASE}\nmodels:\n  - id: {BASE}\n    endpoint: {{model: scripted/effect}}\n"
                   "  - id: stranger/model\n    not_audited: x\n", encoding="utf-8")
    with pytest.raises(InputError, match="not in the derivative tree"):
        load_models_file(bad, tree_ids={BASE})
    bad.write_text(f"base: {BASE}\nmodels:\n  - id: {BASE}\n    endpoint: {{model: noprovider}}\n", encoding="utf-8")
    with pytest.raises(InputError, match="PROVIDER/NAME"):
        load_models_file(bad)


def test_cli_audit_sweeps_models_without_runs_and_lists_failures(runs: dict[str, Path], tmp_path: Path) -> None:
    """A model with an endpoint and no run is audited with the shared design and paired with the base's given run
    on the same pair keys; a model whose audit fails is listed as not audited (exit 1), never dropped."""
    models = tmp_path / "m.yaml"
    models.write_text(f"""
base: {BASE}
audit: {{suites: [{DATA / 'lineage-suite.yaml'}], conditions: [tibet-clinic], replicates: 3, limit: 20}}
models:
  - {{id: {BASE}, endpoint: {{model: "{MODELS['base']}"}}, run: {runs['base']}}}
  - {{id: {AMPLIFY}, endpoint: {{model: "{MODELS['amplify']}"}}}}
  - {{id: {REMOVE}, endpoint: {{model: scripted/no-such-script}}}}
""", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lineage", BASE, "--snapshot", str(DATA / "lineage-tree.csv"), "--audit",
                                      str(models), "--runs-dir", str(tmp_path / "runs"), "--json", "--quiet",
                                      "--bootstrap", "300"])
    assert result.exit_code == 1, result.output
    doc = json.loads(result.stdout)["audit"]
    (d,) = doc["outcomes"][0]["derivatives"]
    assert d["model"] == AMPLIFY and d["classification"] == "amplified"
    assert d["unmatched_pairs"] == 0 and d["difference"]["n_pairs"] == 60
    assert Path(doc["runs"][AMPLIFY]).parent == tmp_path / "runs" and doc["runs"][BASE] == str(runs["base"])
    reasons = {u["model"]: u["reason"] for u in doc["unaudited"]}
    assert reasons[REMOVE].startswith("audit failed: ") and "no-such-script" in reasons[REMOVE]
    assert not doc["warnings"]  # same design as the base's run


def test_models_yaml_bad_endpoint_option_names_the_model(tmp_path: Path) -> None:
    models = tmp_path / "m.yaml"
    models.write_text(f"base: {BASE}\nmodels:\n  - id: {BASE}\n    endpoint: {{model: 'scripted/effect?share=2'}}\n",
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["lineage", BASE, "--snapshot", str(DATA / "lineage-tree.csv"), "--audit",
                                      str(models), "--runs-dir", str(tmp_path / "runs"), "--quiet"])
    assert result.exit_code != 0 and "share='2' must be between 0 and 1" in result.output


@pytest.mark.browser
def test_report_in_headless_chromium(runs: dict[str, Path], tmp_path: Path) -> None:
    from tests.support.browser import open_page, require_browser

    require_browser()
    tree = build_tree(read_snapshot(DATA / "lineage-tree.csv"), BASE)
    from redline.adoption.lineage import tree_to_dict

    doc = tree_to_dict(tree)
    doc["nodes"][3]["id"] = "evil/<script>window.__redline_pwned=true</script>" + "x" * 60  # untrusted, long
    doc["nodes"][4]["id"] = "社区/北风-7B-指令微调-无审查版本-量化" * 2  # wide characters count double
    res = audit_tree(tree, {BASE: _load(runs["base"]), KEEP: _load(runs["keep"])}, reps=300)
    page = tmp_path / "lineage.html"
    page.write_text(render_html(doc, res), encoding="utf-8")
    # every label of the tree must end inside its SVG: report any clipped one through the page title
    clipped = ("var bad = 0; document.querySelectorAll('.tree svg text').forEach(function (t) {"
               " var svg = t.ownerSVGElement.getBoundingClientRect(); var r = t.getBoundingClientRect();"
               " if (r.right > svg.right + 0.5 || r.left < svg.left - 0.5) { bad += 1; } });"
               " document.title = 'clipped:' + bad;")
    check = open_page(page, script=clipped)
    assert check.title == "clipped:0"
    assert not check.pwned and not check.errors and not check.external_requests
    assert check.svg_count >= 2 and "Exposure:" in check.text and "inherited" in check.text
    assert "Not audited" in check.text and "freetext/Northwind-7B-Instruct-uncensored" in check.text
