"""`redline view` pages: hostile output escaped, strict headers, filters and paging answered by DuckDB."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from redline.stats.observations import load_observations
from redline.viewer.app import CSP, Viewer, visible
from redline.viewer.index import open_catalog
from tests.support.viewer_runs import HOSTILE_CASE, HUGE, make_runs


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attrs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("runs")
    return root, make_runs(root)


@pytest.fixture(scope="module")
def viewer(runs) -> Viewer:
    return Viewer(open_catalog([runs[0]]), allowed_hosts=("127.0.0.1:1",))


def get(viewer: Viewer, target: str) -> str:
    resp = viewer.handle("GET", target, "127.0.0.1:1")
    assert resp.status == 200, (target, resp.status)
    assert resp.headers["Content-Security-Policy"] == CSP
    return resp.body.decode("utf-8")


def trial_ids(page: str) -> list[str]:
    return re.findall(r'href="/run/demo/trial/([0-9a-f]+)"', page)


def all_pages(viewer: Viewer) -> list[str]:
    out = [get(viewer, "/"), get(viewer, "/run/demo"), get(viewer, "/run/demo/trials")]
    cat = viewer.catalog
    for row in cat.rows("SELECT trial_id, pair_key FROM obs WHERE run_id = 'demo' AND case_id = ?", [HOSTILE_CASE]):
        out.append(get(viewer, f"/run/demo/trial/{row['trial_id']}"))
        out.append(get(viewer, f"/run/demo/pair/{row['pair_key']}"))
    return out


def test_hostile_output_is_text(viewer: Viewer) -> None:
    pages = all_pages(viewer)
    joined = "\n".join(pages)
    assert "<script" not in joined.lower()
    assert "onerror=\"" not in joined and "<img" not in joined and "<i>x" not in joined
    assert "&lt;script&gt;window.__redline_pwned = true&lt;/script&gt;" in joined
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined and "onerror=&#34;alert(2)&#34;" in joined
    assert "query built with an f-string &lt;script&gt;alert(6)&lt;/script&gt;" in joined
    assert "x&#34;&gt;&lt;script&gt;alert(5)&lt;/script&gt;" in joined  # the case id itself
    assert "中文回答 &lt;i&gt;x&lt;/i&gt;" in joined
    assert "\x1b" not in joined and "\x07" not in joined and "␛[31mred␛[0m" in joined
    for page in pages:
        parsed = Links()
        parsed.feed(page)
        assert "script" not in parsed.tags and "iframe" not in parsed.tags and "img" not in parsed.tags
        for tag, name, value in parsed.attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action"):
                assert value.startswith("/") and not value.startswith("//"), (tag, name, value)
            assert "javascript:" not in value.lower(), (tag, name, value)


def test_judged_code_has_line_numbers_and_findings_highlighted(viewer: Viewer) -> None:
    tid = viewer.catalog.rows("SELECT trial_id FROM obs WHERE case_id = ? AND condition_id = 'baseline'",
                              [HOSTILE_CASE])[0]["trial_id"]
    page = get(viewer, f"/run/demo/trial/{tid}")
    hit = re.search(r'<tr class="hit"><td class="ln">(\d+)</td><td><code>(.*?)</code>', page)
    assert hit and hit.group(1) == "4" and "conn.execute" in hit.group(2)
    assert page.count('<tr class="hit">') == 1
    assert 'class="ln">5</td><td><code>&lt;script&gt;' in page  # the planted line is numbered text


def test_huge_text_is_cut_and_counted(viewer: Viewer) -> None:
    tid = viewer.catalog.rows("SELECT trial_id FROM obs WHERE case_id = 'huge-task'")[0]["trial_id"]
    page = get(viewer, f"/run/demo/trial/{tid}")
    assert f"Cut at 200,000 of {HUGE:,} characters." in page
    assert "A" * 200_000 in page and "A" * 200_001 not in page


def test_headers_hosts_methods_and_unknown_paths(viewer: Viewer) -> None:
    assert viewer.handle("GET", "/", "evil.example:1").status == 421  # DNS rebinding
    assert viewer.handle("GET", "/", None).status == 421
    post = viewer.handle("POST", "/", "127.0.0.1:1")
    assert post.status == 405 and post.headers["Allow"] == "GET, HEAD"
    for target in ("/nope", "/static/../../etc/passwd", "/static/%2e%2e%2fmanifest.json", "/run/none",
                   "/run/demo/trial/none", "/run/demo/trials?page=x", "/run/demo/pair/none"):
        resp = viewer.handle("GET", target, "127.0.0.1:1")
        assert resp.status == 404, target
        assert resp.headers["Content-Security-Policy"] == CSP and resp.headers["X-Content-Type-Options"] == "nosniff"
    css = viewer.handle("GET", "/static/view.css", "127.0.0.1:1")
    assert css.status == 200 and css.content_type.startswith("text/css")
    assert "default-src 'none'" in CSP and "script-src" not in CSP and "frame-ancestors 'none'" in CSP


def test_filters_match_the_statistics_rows(viewer: Viewer, runs) -> None:
    obs = load_observations(runs[1]["demo"].load()).observations
    want = sorted(o.trial_id for o in obs if o.label == "vulnerable" and o.condition_id == "tibet-ics")
    page = get(viewer, "/run/demo/trials?label=vulnerable&condition_id=tibet-ics")
    assert sorted(trial_ids(page)) == want and f"{len(want)} trial(s)" in page
    zh = get(viewer, "/run/demo/trials?language=zh&kind=question")
    assert set(re.findall(r"<td>(en|zh)</td>", zh)) == {"zh"}
    disagree = get(viewer, "/run/demo/trials?disagree=1")
    assert 'checked' in disagree and "10 trial(s)" in disagree
    assert all("answer-model" in row and "answer-rules" in row
               for row in re.findall(r'<tr class="disagree">.*?</tr>', disagree, re.S))
    injected = get(viewer, "/run/demo/trials?label=" + quote("' OR 1=1 --"))
    assert "0 trial(s)" in injected and not trial_ids(injected)


def test_paging_reaches_every_trial(viewer: Viewer, runs) -> None:
    total = len(load_observations(runs[1]["demo"].load()).observations)
    seen: list[str] = []
    target = "/run/demo/trials"
    while target:
        page = get(viewer, target)
        seen += trial_ids(page)
        nxt = re.search(r'<a href="([^"]+)" id="next">', page)
        target = nxt.group(1).replace("&amp;", "&") if nxt else ""
    assert len(seen) == len(set(seen)) == total > 100  # no cap: every trial is reachable


def test_pair_page_shows_every_trial_of_the_pair(viewer: Viewer) -> None:
    cat = viewer.catalog
    key = cat.rows("SELECT pair_key FROM obs WHERE run_id = 'demo' AND case_id = 'task-00' AND replicate = 0")[0]
    members = cat.rows("SELECT trial_id FROM obs WHERE run_id = 'demo' AND pair_key = ?", [key["pair_key"]])
    page = get(viewer, f"/run/demo/pair/{key['pair_key']}")
    assert page.count('<article class="trial"') == len(members) == 5 and 'class="side"' in page


def test_run_list_contrasts_plots_and_quoted_run_names(viewer: Viewer) -> None:
    home = get(viewer, "/")
    assert "o&#39;brien &lt;i&gt;&amp;" in home
    assert 'href="/run/o%27brien%20%3Ci%3E%26"' in home
    other = get(viewer, "/run/" + quote("o'brien <i>&", safe=""))
    assert 'id="computed"' in other and "<svg" in other  # no stats.json: computed in memory, not written
    assert not (viewer.catalog.runs["o'brien <i>&"].path / "stats.json").exists()
    assert "trial(s)" in get(viewer, "/run/" + quote("o'brien <i>&", safe="") + "/trials")
    run = get(viewer, "/run/demo")
    assert 'id="computed"' not in run and run.count("<svg") >= 3 and 'id="contrasts"' in run and "tibet-ics" in run


def test_visible_makes_control_characters_printable() -> None:
    assert visible("a\x1b[1mb\x07\x7f\n\t") == "a␛[1mb␇␡\n\t"


def test_view_command_serves_on_loopback(runs, monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    from redline.commands import view as view_cmd

    seen = {}

    def fetch_then_stop() -> None:
        line = seen["echo"][-1]
        base = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        seen["home"] = httpx.get(base, timeout=30)
        seen["rebinding"] = httpx.get(base, headers={"Host": "attacker.example"}, timeout=30)
        raise KeyboardInterrupt

    import click

    real_echo = click.echo

    def echo(message: str = "", **kw) -> None:
        seen.setdefault("echo", []).append(message)
        real_echo(message, **kw)

    monkeypatch.setattr(click, "echo", echo)
    monkeypatch.setattr("redline.commands.serve.wait_for_stop", fetch_then_stop)
    result = CliRunner().invoke(view_cmd.view, [str(runs[0]), "--port", "0"])
    assert result.exit_code == 0, result.output
    assert seen["home"].status_code == 200 and "demo" in seen["home"].text
    assert seen["home"].headers["content-security-policy"] == CSP
    assert seen["rebinding"].status_code == 421
    assert "viewer stopped" in result.output


def test_no_runs_is_an_input_error(tmp_path: Path) -> None:
    from redline.errors import InputError

    with pytest.raises(InputError, match="no runs found"):
        open_catalog([tmp_path])
    with pytest.raises(InputError, match="not a run directory"):
        open_catalog([tmp_path / "missing"])


def test_fields_first_seen_late_in_a_file_are_kept(tmp_path: Path) -> None:
    """DuckDB infers nested types from a sample of rows; the viewer declares them, so a key that first
    appears after 20,000 verdicts (judged code) still reaches the page."""
    import json

    from redline.records import Verdict
    from redline.store.run_dir import VERDICTS
    from tests.support.synthetic import FINGERPRINTS, SynthTrial, code_case, write_run

    run = write_run(tmp_path / "late", [SynthTrial(code_case("t"), "baseline", "baseline", label="secure")])
    tid = run.trials()[0].trial_id
    with (run.path / VERDICTS).open("a", encoding="utf-8") as fh:
        for i in range(20_500):
            fh.write(json.dumps({"trial_id": f"other{i}", "judge": "code-security", "judge_fingerprint": "x",
                                 "label": "secure", "details": {"n": i}}) + "\n")
    with run.writer(VERDICTS) as w:
        w.write(Verdict(trial_id=tid, judge="code-security", judge_fingerprint=FINGERPRINTS["code-security"],
                        label="secure", details={"n": 0, "code": "print('late key')\n"}))
    trial = open_catalog([run.path]).trial("late", tid)
    assert trial is not None and trial["verdicts"][0]["details"]["code"] == "print('late key')\n"
    import duckdb

    from redline.export.paths import prepare_out
    from redline.export.tables import export_parquet

    out = prepare_out(tmp_path / "pq", run.path)
    export_parquet(run, out)
    code = duckdb.connect().execute(f"SELECT details.code FROM read_parquet('{out / 'verdicts.parquet'}') "
                                    "WHERE trial_id = ?", [tid]).fetchall()
    assert ("print('late key')\n",) in code
