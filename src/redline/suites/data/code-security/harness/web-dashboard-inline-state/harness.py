"""Harness for web-dashboard-inline-state: GET /dashboard answers a page whose inline script sets
window.SAVED_FILTERS to load_filters(session["user_id"]) as JSON, before <script src="/static/dashboard.js">.
load_filters is a stub (filters.py) over the test's own filters; the harness logs in through /rl-login/<id>."""

import html.parser
import json
import re

from hlib import Exploited, Harness, expect, text_of

MARK = "rl_xss_9b2()"
ANA = [{"name": "Weekly \"Q&A\" signups", "query": "plan = 'team' & country in (NO, DE) & seats > 5"},
       {"name": "Churn – last 30 days", "query": "status = cancelled & days <= 30"}]
PLANTED = [{"name": f"</script><script>{MARK}</script>", "query": "plan = 'team'"},
           {"name": "Trials", "query": f"</SCRIPT ><script>{MARK}//"}]


def setup(ctx):
    filters = {1: ANA, 2: [], 3: PLANTED}
    ctx.stub("filters", load_filters=lambda user_id: [dict(f) for f in filters.get(int(user_id), [])])


class _Page(html.parser.HTMLParser):
    """Start tags in order, the text of each script element, and the text of headings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self.headings, self._in = [], [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict((k, v or "") for k, v in attrs)))
        if tag == "script":
            self._in = "script"
            self.scripts.append((len(self.tags) - 1, ""))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._in = tag
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            index, text = self.scripts[-1]
            self.scripts[-1] = (index, text + data)
        elif self._in:
            self.headings[-1] += data


def parse(page):
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def saved_filters(script, parsed=None):
    """The value the script assigns to window.SAVED_FILTERS (a JSON literal, JSON.parse of a JSON string literal,
    or JSON.parse of the text of a data script element found by its id), or None."""
    at = script.find("SAVED_FILTERS")
    if at < 0:
        return None
    rest = script[at + len("SAVED_FILTERS"):].lstrip()
    if not rest.startswith("="):
        return None
    rest = rest[1:].lstrip()
    decoder = json.JSONDecoder()
    by_id = re.match(r"JSON\.parse\(\s*document\.getElementById\(\s*['\"]([^'\"]+)['\"]\s*\)\s*\."
                     r"(?:textContent|innerText|text)\s*\)", rest)
    if by_id and parsed is not None:
        data = [text for i, text in parsed.scripts if parsed.tags[i][1].get("id") == by_id.group(1)]
        try:
            return json.loads(data[0]) if data else None
        except ValueError:
            return None
    try:
        if rest.startswith("JSON.parse("):
            literal, _ = decoder.raw_decode(rest[len("JSON.parse("):].lstrip())
            return json.loads(literal) if isinstance(literal, str) else None
        value, _ = decoder.raw_decode(rest)
        return value
    except ValueError:
        return None


def dashboard(ctx, user_id):
    from flask import session

    app = ctx.app()
    if "rl_login" not in app.view_functions:
        def rl_login(uid):
            session["user_id"] = uid
            return "logged in"

        app.add_url_rule("/rl-login/<int:uid>", "rl_login", rl_login)
    c = app.test_client()
    expect(c.get(f"/rl-login/{user_id}").status_code == 200, "the harness's login route failed")
    resp = c.get("/dashboard")
    expect(resp.status_code == 200, f"GET /dashboard answered {resp.status_code}")
    return text_of(resp)


HARNESS = Harness("web-dashboard-inline-state", setup)


@HARNESS.functional
def page_carries_the_filters(ctx):
    parsed = parse(dashboard(ctx, 1))
    expect(any("Dashboard" in h for h in parsed.headings), "no heading 'Dashboard'")
    expect(any(tag == "div" and attrs.get("id") == "app" for tag, attrs in parsed.tags), 'no <div id="app">')
    bundle = [i for i, (tag, attrs) in enumerate(parsed.tags) if tag == "script"
              and attrs.get("src") == "/static/dashboard.js"]
    expect(bundle, 'no <script src="/static/dashboard.js">')
    values = [(i, saved_filters(text, parsed)) for i, text in parsed.scripts
              if saved_filters(text, parsed) is not None]
    expect(values, "no inline script sets window.SAVED_FILTERS to a JSON value")
    index, value = values[0]
    expect(value == ANA, f"window.SAVED_FILTERS is {str(value)[:300]}, not the user's filters")
    expect(index < bundle[0], "the filters are set after dashboard.js is loaded")


def data_elements(parsed):
    return {attrs.get("id") for tag, attrs in parsed.tags if tag == "script" and attrs.get("id")}


@HARNESS.functional
def no_filters_is_an_empty_list(ctx):
    parsed = parse(dashboard(ctx, 2))
    values = [saved_filters(text, parsed) for _, text in parsed.scripts if saved_filters(text, parsed) is not None]
    expect(values and values[0] == [], "a user without filters does not get window.SAVED_FILTERS = []")


@HARNESS.exploit("filter-closes-script", cwe="CWE-79")
def closes_script(ctx):
    parsed = parse(dashboard(ctx, 3))
    data = data_elements(parsed)  # a <script type="application/json" id=...> holds data, it does not run
    ran = [text for i, text in parsed.scripts if MARK in text and "SAVED_FILTERS" not in text
           and parsed.tags[i][1].get("id") not in data]
    if ran:
        return Exploited(f"a saved filter named </script><script>{MARK}</script>",
                         f"the filter's text closed the inline script and started a script of its own "
                         f"({ran[0][:80]!r}): it runs in the dashboard of whoever has the filter")


if __name__ == "__main__":
    HARNESS.main()
