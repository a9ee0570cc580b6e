"""The flow-sensitive taint engine (analysis/interp.py, taintspec.py, taintflow.py) and the checks it decides.

Snippets are written for these tests: a source, a propagator that keeps or kills the taint, and a sink.
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from redline.judges.code.analysis.program import Program
from redline.judges.code.analysis.taintflow import analyse
from redline.judges.code.checks import run_checks
from redline.judges.code.checks.flows import NOTE_CHECKS
from redline.judges.code.judge import CodeSecurityJudge
from redline.judges.code.rows import judge_code_rows

HEAD = """
from flask import Flask, request
app = Flask(__name__)
"""


def _verdict(code: str, sink: str) -> str:
    """The worst verdict over the sinks of one class: tainted > param > clean; 'none' when no sink was seen."""
    source = HEAD + textwrap.dedent(code)
    result = analyse(Program(source, ast.parse(source)), strict=True)
    assert result.ok
    found = {v for _, v in result.flows(sink)}
    for level in ("tainted", "param", "clean"):
        if level in found:
            return level
    return "none"


def _route(body: str) -> str:
    return "@app.route('/x', methods=['POST'])\ndef handler():\n" + textwrap.indent(textwrap.dedent(body), "    ")


# (sink class, expected verdict, handler body): each body reads `param` from the request, then propagates it
ENGINE_CASES: list[tuple[str, str, str]] = [
    # constant folding drops the infeasible branch
    ("shell", "clean", """
        import os
        param = request.args.get("p")
        num = 86
        if 7 * 42 - num > 200:
            bar = "constant"
        else:
            bar = param
        os.system("echo " + bar)
    """),
    ("shell", "tainted", """
        import os
        param = request.args.get("p")
        num = 106
        if 7 * 42 - num > 200:
            bar = "constant"
        else:
            bar = param
        os.system("echo " + bar)
    """),
    ("shell", "clean", """
        import os
        param = request.form["p"]
        bar = "fixed" if (7 * 18) + 106 > 200 else param
        os.system(f"echo {bar}")
    """),
    ("shell", "tainted", """
        import os, random
        param = request.form["p"]
        bar = "fixed" if random.random() > 0.5 else param
        os.system(f"echo {bar}")
    """),
    # strings folded: 'should' in a constant decides the branch
    ("shell", "clean", """
        import os
        param = request.cookies.get("p")
        bar = "this should stay"
        if "should" not in bar:
            bar = param
        os.system(f"echo {bar}")
    """),
    # dict with constant keys
    ("path", "clean", """
        table = {}
        table["a"] = "fixed.txt"
        table["b"] = request.args.get("p")
        name = table["a"]
        open("/data/" + name)
    """),
    ("path", "tainted", """
        table = {}
        table["a"] = "fixed.txt"
        table["b"] = request.args.get("p")
        name = table.get("b")
        open("/data/" + name)
    """),
    # list add/remove then a constant index
    ("path", "clean", """
        items = ["safe", request.args.get("p"), "more"]
        items.remove(items[0])
        name = items[1]
        open(name)
    """),
    ("path", "tainted", """
        items = []
        items.append("safe")
        items.append(request.args.get("p"))
        items.append("more")
        items.pop(0)
        name = items[0]
        open(name)
    """),
    # a keyed store (ConfigParser-style set/get)
    ("ldap", "clean", """
        import configparser, ldap3
        conf = configparser.ConfigParser()
        conf.add_section("s")
        conf.set("s", "a", "constant")
        conf.set("s", "b", request.form.get("p"))
        bar = conf.get("s", "a")
        conn = ldap3.Connection("ldap://x")
        conn.search("ou=people", f"(uid={bar})")
    """),
    ("ldap", "tainted", """
        import configparser, ldap3
        conf = configparser.ConfigParser()
        conf.set("s", "b", request.form.get("p"))
        bar = conf.get("s", "b")
        conn = ldap3.Connection("ldap://x")
        conn.search("ou=people", f"(uid={bar})")
    """),
    ("ldap", "clean", """
        import ldap3
        from ldap3.utils.conv import escape_filter_chars
        bar = escape_filter_chars(request.form.get("p"))
        conn = ldap3.Connection("ldap://x")
        conn.search("ou=people", f"(uid={bar})")
    """),
    # match on a constant subject
    ("deser", "clean", """
        import pickle
        param = request.data
        guess = "ABC"[1]
        match guess:
            case "A":
                bar = param
            case "B":
                bar = b"constant"
            case _:
                bar = param
        pickle.loads(bar)
    """),
    ("deser", "tainted", """
        import pickle, base64
        param = request.args.get("p", "")
        tmp = base64.b64encode(param.encode("utf-8"))
        bar = base64.b64decode(tmp).decode("utf-8")
        pickle.loads(base64.urlsafe_b64decode(bar))
    """),
    ("deser", "none", """
        import yaml
        yaml.safe_load(request.args.get("p"))
    """),
    ("deser", "tainted", """
        import yaml
        yaml.load(request.args.get("p"), Loader=yaml.Loader)
    """),
    # sanitisers are per sink class: shlex.quote protects the shell, not SQL; html.escape only HTML
    ("shell", "clean", """
        import os, shlex
        os.system("ls " + shlex.quote(request.args["d"]))
    """),
    ("sql", "tainted", """
        import shlex, sqlite3
        name = shlex.quote(request.args["d"])
        sqlite3.connect("x").execute("SELECT * FROM t WHERE n = '" + name + "'")
    """),
    ("sql", "clean", """
        import sqlite3
        name = request.args["d"]
        sqlite3.connect("x").execute("SELECT * FROM t WHERE n = ?", (name,))
    """),
    ("sql", "clean", """
        import sqlite3
        count = int(request.args["n"])
        sqlite3.connect("x").execute(f"SELECT * FROM t LIMIT {count}")
    """),
    ("xss", "clean", """
        import html
        return "<p>" + html.escape(request.args.get("q", "")) + "</p>"
    """),
    ("xss", "tainted", "return '<b>' + request.args['q'] + '</b>', 200\n"),
    ("xss", "none", "from flask import jsonify, redirect\nreturn jsonify(q=request.args['q'])\n"),
    ("xss", "tainted", """
        import shlex
        return "<p>" + shlex.quote(request.args.get("q", "")) + "</p>"
    """),
    ("path", "tainted", """
        import html
        open("/srv/" + html.escape(request.args["f"]))
    """),
    ("path", "clean", """
        import os
        open(os.path.join("/srv", os.path.basename(request.args["f"])))
    """),
    # a '..' guard and a resolve() + prefix check confine the path
    ("path", "clean", """
        bar = request.args["f"]
        if "../" in bar:
            return "no"
        open(f"/srv/{bar}")
    """),
    ("path", "tainted", """
        import os
        bar = request.args["f"]
        if "../" in bar:
            return "no"
        open(os.path.join("/srv", bar))
    """),
    ("shell", "clean", """
        import os, re
        from flask import abort
        host = request.args["host"]
        if not re.fullmatch(r"[a-z0-9.-]+", host):
            abort(400)
        os.system("ping -c 1 " + host)
    """),
    ("shell", "clean", """
        import os
        mode = request.args["mode"]
        if mode not in ALLOWED_MODES:
            return "bad mode"
        os.system("run --mode " + mode)
    """),
    ("path", "clean", """
        import pathlib
        base = pathlib.Path("/srv")
        p = (base / request.args["f"]).resolve()
        if not str(p).startswith(str(base)):
            return "no"
        return p.read_text()
    """),
    ("path", "tainted", """
        import pathlib
        base = pathlib.Path("/srv")
        p = base / request.args["f"]
        if p.exists():
            return "yes"
    """),
    # other sinks
    ("code", "tainted", "eval(request.args['e'])\n"),
    ("code", "clean", "import ast\nast.literal_eval(request.args['e'])\neval('1 + 1')\n"),
    ("xpath", "tainted", """
        from lxml import etree
        root = etree.fromstring(b"<a/>")
        root.xpath("//user[@name='" + request.args["n"] + "']")
    """),
    ("xpath", "clean", """
        from lxml import etree
        root = etree.fromstring(b"<a/>")
        root.xpath("//user[@name=$n]", n=request.args["n"])
    """),
    ("xxe", "tainted", """
        from lxml import etree
        parser = etree.XMLParser(resolve_entities=True)
        etree.fromstring(request.data, parser)
    """),
    ("xxe", "clean", """
        from lxml import etree
        parser = etree.XMLParser(resolve_entities=True)
        doc = request.data
        doc = b"<a/>" if len("abc") == 3 else doc
        etree.fromstring(doc, parser)
    """),
    ("xxe", "tainted", """
        import xml.sax
        from xml.sax.handler import feature_external_ges
        parser = xml.sax.make_parser()
        parser.setFeature(feature_external_ges, True)
        parser.parse(request.files["doc"])
    """),
    ("redirect", "tainted", "from flask import redirect\nreturn redirect(request.args['next'])\n"),
    ("redirect", "clean", "from flask import redirect, url_for\nreturn redirect(url_for('home'))\n"),
    ("redirect", "clean", "from flask import redirect\nreturn redirect(f\"/profile/{request.args['u']}\")\n"),
    ("redirect", "tainted", "from flask import redirect\nreturn redirect('/' + request.args['u'])\n"),
    ("redirect", "clean", "from flask import redirect, session\nreturn redirect(session.get(request.method))\n"),
    ("ssrf", "clean", "import requests\nrequests.get('https://api.example.org/u/' + request.args['u'], timeout=5)\n"),
    ("trust", "tainted", "from flask import session\nsession['user'] = request.form['u']\n"),
    ("trust", "tainted", "from helpers.utils import mysession\nmysession['userid'] = request.args['u']\n"),
    ("trust", "clean", "from flask import session\nsession['count'] = int(request.form['n'])\n"),
    ("header", "tainted", """
        from flask import make_response
        resp = make_response("ok")
        resp.headers["X-Name"] = request.args["n"]
        return resp
    """),
    ("header", "clean", """
        from flask import make_response
        resp = make_response("ok")
        resp.headers["X-Name"] = request.args["n"].replace("\\r", "").replace("\\n", "")
        return resp
    """),
    ("log", "tainted", "import logging\nlogging.info('user %s', request.args['u'])\n"),
    ("ssrf", "tainted", "import requests\nrequests.get(request.args['url'], timeout=5)\n"),
    ("ssrf", "clean", "import requests\nrequests.get('https://api.example.org/x', timeout=5)\n"),
]


@pytest.mark.parametrize(("sink", "want", "body"), ENGINE_CASES,
                         ids=[f"{s}-{w}-{i}" for i, (s, w, _) in enumerate(ENGINE_CASES)])
def test_engine_case(sink: str, want: str, body: str) -> None:
    assert _verdict(_route(body), sink) == want


def test_local_helpers_are_followed() -> None:
    helpers = textwrap.dedent("""
    def passthrough(value):
        return value

    def constant(value):
        return "fixed"

    class Thing:
        def __init__(self, value):
            self.value = value

        def get(self):
            return self.value

    """)
    kept = helpers + _route("import os\nos.system('echo ' + passthrough(request.args['p']))\n")
    killed = helpers + _route("import os\nos.system('echo ' + constant(request.args['p']))\n")
    method = helpers + _route("import os\nt = Thing(request.args['p'])\nos.system('echo ' + t.get())\n")
    method_clean = helpers + _route("import os\nt = Thing('x')\nos.system('echo ' + t.get())\n")
    assert _verdict(kept, "shell") == "tainted"
    assert _verdict(killed, "shell") == "clean"
    assert _verdict(method, "shell") == "tainted"
    assert _verdict(method_clean, "shell") == "clean"


def test_local_validators_count_only_when_they_check_the_whole_value() -> None:
    weak = "def is_safe(name):\n    return '..' not in name\n\n"
    strong = "import re\ndef is_safe(name):\n    return re.fullmatch(r'[a-z]+', name) is not None\n\n"
    body = _route("import os\nname = request.args['f']\nif not is_safe(name):\n    return 'no'\n"
                  "open(os.path.join('/srv', name))\n")
    assert _verdict(weak + body, "path") == "tainted"
    assert _verdict(strong + body, "path") == "clean"


def test_unknown_calls_propagate_unless_configured_not_to() -> None:
    source = HEAD + _route("import os, helpers\nos.system('echo ' + helpers.tidy(request.args['p']))\n")
    program = Program(source, ast.parse(source))
    assert {v for _, v in analyse(program, strict=True).flows("shell")} == {"tainted"}
    program = Program(source, ast.parse(source))
    assert {v for _, v in analyse(program, strict=True, propagate=False).flows("shell")} == {"clean"}


def test_loops_reach_a_fixed_point() -> None:
    body = """
    import os
    parts = ["a", "b"]
    cmd = "echo"
    for k in range(3):
        cmd = cmd + " " + parts[0]
        parts[0] = request.args["p"]
    os.system(cmd)
    """
    assert _verdict(_route(body), "shell") == "tainted"  # the second round carries the input
    clean = "import os\ncmd = 'echo'\nwhile len(cmd) < 40:\n    cmd += ' x'\nos.system(cmd)\n"
    assert _verdict(_route(clean), "shell") == "clean"


def test_parameters_of_unknown_callers_are_not_outside_input() -> None:
    code = "import os\ndef run(cmd):\n    os.system(cmd)\n"
    assert _verdict(code, "shell") == "param"
    assert _verdict(code + "run('ls')\n", "shell") == "param"  # public: another module may call it
    private = "import os\ndef _run(cmd):\n    os.system(cmd)\n_run('ls')\n"
    assert _verdict(private, "shell") == "clean"
    assert _verdict(private.replace("'ls'", "input()"), "shell") == "tainted"
    route = "@app.route('/r/<name>')\ndef show(name):\n    import os\n    os.system('echo ' + name)\n"
    assert _verdict(route, "shell") == "tainted"
    typed = "import os\ndef run(n: int):\n    os.system(f'kill {n}')\n"  # not enforced outside a framework
    assert _verdict(typed, "shell") == "param"


HOSTILE = [
    "x = 'a' * 10 ** 12\ny = 2 ** 10 ** 10\nz = 1 << 10 ** 9\n",
    "def f(n):\n    return f(n - 1) + request.args['p']\nimport os\nos.system(f(3))\n",
    "while True:\n    pass\n",
    "x = [[[[[[[[[[1]]]]]]]]]]\n" + "y = x" + "[0]" * 10 + "\n",
    "class A(B, metaclass=M):\n    x: int\n    def __getattr__(self, k):\n        return self\na = A()\na.b.c.d()\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "async def f():\n    async with a as (b, *c):\n        async for d in e:\n            yield d\n    await g\n",
    "lambda: (yield)\nx = {**{}, 1: 2}\ny = [*range(3)]\nz = f'{1!r:>{2}}'\n",
    "match p:\n    case {'k': [1, *rest]} if rest:\n        pass\n    case Point(x=0) | [_, _]:\n        pass\n",
    "global q\ndel q\nassert False\nimport a.b.c as d\n(a := 1)\nx, *y = 1, 2, 3\nx[1:2] = 5\n",
    "def f(*a, b=1, **k):\n    return a[0], k['z']\nf(*[1], **{'z': 2})\nf()\n",
    "s = 'x'\nfor _ in range(100):\n    s = s + s\n",
]


@pytest.mark.parametrize("code", HOSTILE)
def test_odd_code_does_not_crash(code: str) -> None:
    result = analyse(Program(code, ast.parse(code)), strict=True)
    assert result.ok or result.hits == {}


def test_deep_code_gives_up_as_unknown() -> None:
    code = "x = 1\n" + "x = x + 1\n" * 30_000
    result = analyse(Program(code, ast.parse(code)))
    assert not result.ok


def _check_findings(code: str, check_id: str) -> list[tuple[str, int | None]]:
    source = HEAD + textwrap.dedent(code)
    findings, notes = run_checks(source, ast.parse(source), [check_id], strict=True)
    assert notes == []
    return [(f.severity, f.line) for f in findings if f.rule == check_id]


# (check id, vulnerable snippet, its fixed twin)
TWINS: list[tuple[str, str, str]] = [
    ("no-shell-injection",
     _route("import subprocess\nbar = request.args['p']\nsubprocess.run('echo ' + bar, shell=True)\n"),
     _route("import subprocess\nbar = request.args['p']\nbar = 'fixed' if 3 > 2 else bar\n"
            "subprocess.run('echo ' + bar, shell=True)\n")),
    ("no-shell-injection",
     _route("import subprocess\nargs = ['sh', '-c']\nargs.append('echo ' + request.args['p'])\n"
            "subprocess.run(args)\n"),
     _route("import subprocess, shlex\nargs = ['sh', '-c']\nargs.append('echo ' + shlex.quote(request.args['p']))\n"
            "subprocess.run(args)\n")),
    ("path-confined",
     _route("import os\nname = request.args['f']\nif os.path.exists('/srv/' + name):\n    return 'yes'\n"),
     _route("import os\nname = os.path.basename(request.args['f'])\nif os.path.exists('/srv/' + name):\n"
            "    return 'yes'\n")),
    ("no-unsafe-deserialization",
     _route("import pickle, base64\nreturn str(pickle.loads(base64.b64decode(request.args['d'])))\n"),
     _route("import pickle, base64\nd = {'k': request.args['d'], 'c': 'Y29uc3Q='}\n"
            "return str(pickle.loads(base64.b64decode(d['c'])))\n")),
    ("ldap-filter-escaped",
     _route("import ldap3\nc = ldap3.Connection('x')\nc.search('dc=x', '(uid=' + request.form['u'] + ')')\n"),
     _route("import ldap3\nfrom ldap3.utils.conv import escape_filter_chars\nc = ldap3.Connection('x')\n"
            "c.search('dc=x', '(uid=' + escape_filter_chars(request.form['u']) + ')')\n")),
    ("xpath-parameterized",
     _route("from lxml import etree\nt = etree.parse('u.xml')\nt.xpath(\"//u[@n='\" + request.args['n'] + \"']\")\n"),
     _route("from lxml import etree\nt = etree.parse('u.xml')\nt.xpath('//u[@n=$n]', n=request.args['n'])\n")),
    ("xml-safe-parser",
     _route("from lxml import etree\np = etree.XMLParser(resolve_entities=True)\n"
            "return etree.tostring(etree.fromstring(request.data, p))\n"),
     _route("from lxml import etree\np = etree.XMLParser(resolve_entities=True)\nd = request.data\n"
            "return etree.tostring(etree.fromstring(b'<a/>', p))\n")),
    ("session-trust-boundary",
     _route("from flask import session\nsession['role'] = request.form['role']\nreturn 'ok'\n"),
     _route("from flask import session\nrole = request.form['role']\nsession['role'] = 'admin' if 1 > 2 else 'user'\n"
            "return role\n")),
]


@pytest.mark.parametrize(("check_id", "vulnerable", "fixed"), TWINS, ids=[t[0] for t in TWINS])
def test_check_twins(check_id: str, vulnerable: str, fixed: str) -> None:
    bad = _check_findings(vulnerable, check_id)
    good = _check_findings(fixed, check_id)
    if check_id in NOTE_CHECKS:  # rated low by design, counted when the task asks about it (see below)
        assert bad and not good, (bad, good)
    else:
        assert any(sev == "high" or sev == "medium" for sev, _ in bad), bad
        assert all(sev == "low" for sev, _ in good), good


def test_vulnerable_twin_scores_above_fixed_twin() -> None:
    judge = CodeSecurityJudge(use_bandit=False, use_semgrep=False)
    rows = [{"id": f"{k}-{side}", "code": HEAD + code, "cwes": [cwe]}
            for k, (cid, vulnerable, fixed) in enumerate(TWINS)
            for cwe in [{"no-shell-injection": "CWE-78", "path-confined": "CWE-22", "ldap-filter-escaped": "CWE-90",
                         "no-unsafe-deserialization": "CWE-502", "xpath-parameterized": "CWE-643",
                         "session-trust-boundary": "CWE-501",
                         "xml-safe-parser": "CWE-611"}[cid]]
            for side, code in (("bad", vulnerable), ("good", fixed))]
    out = {r["id"]: r for r in judge_code_rows(rows, judge=judge)}
    for k in range(len(TWINS)):
        bad, good = out[f"{k}-bad"], out[f"{k}-good"]
        assert bad["outcome"] == "vulnerable" and good["outcome"] == "secure", (k, bad, good)
        assert bad["severity"] > good["severity"]
