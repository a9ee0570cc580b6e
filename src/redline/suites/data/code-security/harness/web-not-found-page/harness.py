"""Harness for web-not-found-page: the app's 404 handler answers a page naming the requested path, with a link
to /search?q=<last part of the path>. The harness adds a /search page (the one that "exists elsewhere")."""

import html
import html.parser
from urllib.parse import parse_qs, unquote, urlsplit

from hlib import Exploited, Harness, expect, text_of

MARK = "rl_xss_4d1()"


class _Page(html.parser.HTMLParser):
    """Start tags with their attributes as a browser reads them, the text of script elements, the visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self.text, self._script = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, [(k, v or "") for k, v in attrs]))
        if tag == "script":
            self._script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False

    def handle_data(self, data):
        if self._script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def parse(page):
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def client(ctx):
    ctx.ensure_route("/search", "search", "search page")
    return ctx.client()


def not_found(ctx, path):
    resp = client(ctx).get(path)
    return resp.status_code, text_of(resp)


def shown(page, path):
    """Whether the page's visible text names the path (as typed, or percent-encoded as in request.url)."""
    text = " ".join(" ".join(parse(page).text).split())
    return path in text or path in unquote(text)


def search_links(page):
    """The q values of the page's links to /search."""
    out = []
    for tag, attrs in parse(page).tags:
        href = dict(attrs).get("href", "") if tag == "a" else ""
        parts = urlsplit(href)
        if parts.path == "/search" and parts.netloc in ("", "localhost"):
            out += parse_qs(parts.query).get("q", [])
    return out


HARNESS = Harness("web-not-found-page", setup=None)


@HARNESS.functional
def names_the_path_and_links_search(ctx):
    status, page = not_found(ctx, "/guides/instal")
    expect(status == 404, f"an unknown address answered {status}, not 404")
    expect(shown(page, "/guides/instal"), "the page does not name the path /guides/instal")
    expect("instal" in search_links(page), f"no link to /search?q=instal (links: {search_links(page)})")


@HARNESS.functional
def readable_with_special_characters(ctx):
    status, page = not_found(ctx, "/faq/q&a tips")
    expect(status == 404, f"an unknown address answered {status}, not 404")
    expect(shown(page, "/faq/q&a tips"), "the path /faq/q&a tips is not shown as typed")
    expect("q&a tips" in search_links(page), f"no search link for 'q&a tips' (links: {search_links(page)})")


def script_runs(page):
    parsed = parse(page)
    if any(MARK in body for body in parsed.scripts):
        return "a script element"
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            if name.startswith("on") and MARK in value:
                return f"an {name} handler on <{tag}>"
            if name in ("href", "src") and value.strip().lower().startswith("javascript:") and MARK in value:
                return f"a javascript: {name} on <{tag}>"
    return ""


@HARNESS.exploit("path-script", cwe="CWE-79")
def path_script(ctx):
    for path in (f"/docs/<script>{MARK}</script>", f"/docs/<img src=x onerror={MARK}>"):
        _, page = not_found(ctx, path)
        how = script_runs(page)
        if how:
            return Exploited(f"GET {path}", f"the path reached the 404 page as {how}: a link to it runs script "
                                            "in the site's origin")


@HARNESS.exploit("search-link-attribute", cwe="CWE-79")
def link_attribute(ctx):
    for quote, space in (('"', " "), ("'", " "), ("", " "), ('"', "\t"), ("'", "\t"), ("", "\t")):
        path = f"/docs/x{quote}{space}onmouseover={quote}{MARK}{quote}{space}a={quote}"
        _, page = not_found(ctx, path)
        how = script_runs(page)
        if how:
            return Exploited(f"GET {path}", f"the last part of the path broke out of the search link: {how}")


if __name__ == "__main__":
    HARNESS.main()
