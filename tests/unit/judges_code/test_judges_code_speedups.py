"""The judge's speed-ups answer exactly what the slow paths answered: cached tree walks, literal-hinted
regexes and the Semgrep rule prefilter (bench/judge_throughput.py measures the speed; nothing here times)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from redline.errors import JudgeError
from redline.judges.code import bandit_fast, semgrep_prefilter
from redline.judges.code.analysis import trees
from redline.judges.code.analysis.hinted import Hinted, anchors
from redline.judges.code.bandit_scan import bandit_version
from redline.judges.code.semgrep_scan import _pack, rules_dir, scan_semgrep, semgrep_binary

LABELLED = Path(__file__).resolve().parents[2] / "data" / "code_labelled"
needs_semgrep = pytest.mark.skipif(semgrep_binary() is None, reason="semgrep binary not installed")

WEB = '''import os
import re as regex
from pathlib import Path
from flask import Flask, redirect as go, request, session
import lxml.etree as etree

app = Flask(__name__)
BASE = Path("/srv/files")


@app.route("/next")
def next_page():
    return go(request.args.get("url"))


@app.route("/keep")
def keep():
    session["who"] = request.args.get("who")
    return "ok"


@app.route("/file")
def file():
    return (BASE / request.args.get("name")).read_text()


@app.route("/header")
def header():
    resp = app.make_response("x")
    resp.headers["X-Name"] = request.args.get("name")
    return resp


@app.route("/grep")
def grep():
    return str(regex.search(request.args.get("pattern"), "text"))


@app.route("/find")
def find():
    doc = etree.fromstring("<a/>")
    return str(doc.xpath("//a[@id='" + request.args.get("id") + "']"))
'''
PLAIN = "from flask import Flask, redirect, request\n\napp = Flask(__name__)\n\n\n@app.route('/')\ndef home():\n" \
        "    return 'hi ' + request.args.get('n', '')\n"


NOSEC = "import subprocess\n\ndef run(cmd):\n    subprocess.run(cmd, shell=True)  # nosec B602\n" \
        "    subprocess.call(cmd, shell=True)  # nosec\n    subprocess.Popen(cmd, shell=True)\n"


def _programs() -> list[str]:
    return [WEB, PLAIN, NOSEC, *(p.read_text(encoding="utf-8") for p in sorted(LABELLED.glob("*/*.py")))]


def _old_walk_no_nested(node: ast.AST) -> list[ast.AST]:
    out, stack = [], list(ast.iter_child_nodes(node))
    while stack:
        sub = stack.pop()
        out.append(sub)
        if not isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(sub))
    return out


def test_cached_walks_keep_the_stdlib_order() -> None:
    for code in _programs():
        tree = ast.parse(code)
        nodes = list(ast.walk(tree))
        for _ in range(2):  # computed, then cached
            assert list(trees.walk(tree)) == nodes
        for node in nodes[:200]:
            assert list(trees.walk(node)) == list(ast.walk(node))
            assert list(trees.child_nodes(node)) == list(ast.iter_child_nodes(node))
            assert list(trees.walk_no_nested(node)) == _old_walk_no_nested(node)
            if isinstance(node, ast.stmt):
                assert trees.unparse(node) == ast.unparse(node) == trees.unparse(node)


def test_big_subtrees_are_not_cached_but_still_walked() -> None:
    tree = ast.parse("x = [" + ", ".join(["a"] * (trees.CACHE_NODES + 10)) + "]")
    expr = tree.body[0].value  # type: ignore[attr-defined]
    assert len(list(trees.walk(expr))) == len(list(ast.walk(expr)))
    assert "_redline_walk" not in expr.__dict__
    assert len(list(trees.walk(tree))) == len(list(ast.walk(tree)))
    assert "_redline_walk" in tree.__dict__  # a module is always cached


@pytest.mark.parametrize("pattern,flags", [
    (r"(\bexp\b|expir|max_age|time\.time\(\)|\bnow\(\))", re.IGNORECASE),
    (r"(verify\w*\(|(?-i:\bWebhook)\(|hmac\.(new|digest)\()", re.IGNORECASE),
    (r"(session\[|login_user|<form)", 0),
])
def test_hinted_search_agrees_with_the_regex(pattern: str, flags: int) -> None:
    hinted = Hinted(pattern, flags)
    assert hinted.anchors is not None
    texts = [*_programs(), "EXPIRES = 1", "x = TIME.TIME()", "webhook(", "Webhook(", "HMAC.New(k)",
             "ſession[", "max_aGe", "\u212aeep exp", "n\u0130ow()", "now ()", "", "login_USER"]
    for text in texts:
        got, want = hinted.search(text), hinted.regex.search(text)
        assert (got and got.span()) == (want and want.span()), text[:60]


def test_non_ascii_text_always_goes_to_the_regex() -> None:
    hinted = Hinted(r"session", re.IGNORECASE)
    assert hinted.anchors == ("session",)
    assert hinted.search("\u017fession") is not None  # long s matches s under IGNORECASE; no anchor in .lower()


def test_patterns_without_literals_have_no_anchors() -> None:
    assert anchors(re.compile(r"^[A-Z_]+$")) is None
    assert anchors(re.compile(r"(a|\w+)")) is None


def test_prefilter_digests_match_the_shipped_rules() -> None:
    rules, usable = _pack(str(rules_dir()))
    ids = {r["id"] for r in rules}
    assert set(semgrep_prefilter.NEEDS) <= ids
    assert usable == set(semgrep_prefilter.NEEDS), (
        "a prefiltered Semgrep rule changed: re-derive its test in semgrep_prefilter.py, then update DIGESTS")


def test_prefilter_skips_only_rules_whose_sinks_are_absent() -> None:
    every = set(semgrep_prefilter.NEEDS)
    assert semgrep_prefilter.skipped(WEB, ast.parse(WEB), every) == set()  # a renamed redirect still counts
    assert semgrep_prefilter.skipped(PLAIN, ast.parse(PLAIN), every) == every  # `redirect` imported, never used
    assert semgrep_prefilter.skipped(PLAIN, None, every) == set()
    grep = "from re import compile\nfrom flask import request\n\nPAT = compile(request.args['p'])\n"
    assert "redline-regex-from-request" not in semgrep_prefilter.skipped(grep, ast.parse(grep), every)
    wide = "import \uff52\uff45\n\nPAT = \uff52\uff45.compile(input())\n"  # the parser reads this `re` as re
    assert "redline-regex-from-request" not in semgrep_prefilter.skipped(wide, ast.parse(wide), every)
    assert "redline-regex-from-request" in semgrep_prefilter.skipped("x = 1  # r\u00e9\n", ast.parse("x = 1\n"), every)


@needs_semgrep
def test_prefiltered_batch_finds_what_the_full_pack_finds() -> None:
    codes: list[str | None] = [WEB, PLAIN, None, *_programs()[3:40]]
    parsed = [ast.parse(c) if c is not None else None for c in codes]
    full = scan_semgrep(codes)
    fast = scan_semgrep(codes, trees=parsed)
    assert fast == full
    web = {f.rule for f in full[0]}
    assert {"redline-open-redirect-request", "redline-trust-boundary-session", "redline-pathlib-from-request",
            "redline-header-injection", "redline-xpath-injection", "redline-regex-from-request"} <= web


def _bandit_issues(manager_type: type, directory: Path) -> list[tuple[object, ...]]:
    from bandit.core import config as b_config

    manager = manager_type(b_config.BanditConfig(), "file", quiet=True)
    manager.discover_files([str(directory)], recursive=True)
    manager.run_tests()
    return sorted((Path(i.fname).name, i.test_id, i.lineno, i.col_offset, tuple(i.linerange), i.severity,
                   i.confidence, i.text) for i in manager.get_issue_list())


def test_fast_bandit_visitor_reports_what_bandit_reports(tmp_path: Path) -> None:
    from bandit.core import manager as b_manager

    fast = bandit_fast.manager_class(bandit_version())
    assert fast is not b_manager.BanditManager  # the pinned version gets the trimmed visitor
    assert bandit_fast.manager_class("0.0") is b_manager.BanditManager
    for k, code in enumerate(_programs()):
        (tmp_path / f"s{k:04d}.py").write_text(code, encoding="utf-8")
    stock = _bandit_issues(b_manager.BanditManager, tmp_path)
    assert len(stock) > 20
    assert _bandit_issues(fast, tmp_path) == stock


def _fake_semgrep(tmp_path: Path, body: str) -> str:
    fake = tmp_path / "semgrep"
    fake.write_text("#!/bin/sh\n" + body)
    fake.chmod(0o755)
    return str(fake)


def test_background_semgrep_is_stopped_and_cleaned_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from redline.judges.code import semgrep_scan

    monkeypatch.setattr(semgrep_scan, "semgrep_binary", lambda: _fake_semgrep(tmp_path, "exec sleep 60\n"))
    run = semgrep_scan.SemgrepRun(["x = 1\n"])
    assert run.proc is not None and run.tmp is not None and Path(run.tmp).is_dir()
    folder = run.tmp
    run.close()
    assert run.proc.poll() is not None and not Path(folder).exists()
    run.close()  # twice is fine
    late = semgrep_scan.SemgrepRun(["x = 1\n"], timeout_s=0.2)
    with pytest.raises(JudgeError, match="timed out"):
        late.wait()
    assert late.proc is not None and late.proc.poll() is not None and late.tmp is None


def test_judge_stops_semgrep_when_bandit_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from redline.judges.code import judge as judge_module
    from redline.judges.code import rows as rows_module
    from redline.judges.code import semgrep_scan

    monkeypatch.setattr(semgrep_scan, "semgrep_binary", lambda: _fake_semgrep(tmp_path, "exec sleep 60\n"))
    started: list[semgrep_scan.SemgrepRun] = []
    real = semgrep_scan.SemgrepRun

    def spy(*args: object, **kwargs: object) -> semgrep_scan.SemgrepRun:
        started.append(real(*args, **kwargs))  # type: ignore[arg-type]
        return started[-1]

    def broken(codes: object, skip: object = None) -> list[list[object]]:
        raise JudgeError("bandit failed: boom")

    monkeypatch.setattr(judge_module, "SemgrepRun", spy)
    monkeypatch.setattr(judge_module, "scan_bandit", broken)
    rows = [{"id": "a", "code": "import os\nos.system('ls ' + input())\n"}]
    with pytest.raises(JudgeError, match="boom"):
        rows_module.judge_code_rows(rows)
    assert started and started[0].proc is not None and started[0].proc.poll() is not None
    assert started[0].tmp is None
