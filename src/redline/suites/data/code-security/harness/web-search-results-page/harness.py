"""Harness for web-search-results-page: GET /search?q= renders "Results for <q>" and search_articles(q)."""

from hlib import Exploited, Harness, expect, text_of

TITLES = {"flask": ["Flask in ten minutes", "Testing Flask apps"], "tea": ["Green tea & you"]}
STORED = '<img src=x onerror="alert(\'rl-stored\')">'


def setup(ctx):
    def search_articles(q):
        if q == "stored":
            return [STORED, "Plain title"]
        return list(TITLES.get(q, []))
    ctx.stub("search", search_articles=search_articles)


HARNESS = Harness("web-search-results-page", setup)


@HARNESS.functional
def lists_titles(ctx):
    resp = ctx.client().get("/search?q=flask")
    body = text_of(resp)
    expect(resp.status_code == 200, f"status {resp.status_code}")
    expect("Results for" in body and "flask" in body, "no 'Results for flask'")
    for title in TITLES["flask"]:
        expect(title in body, f"title {title!r} missing")


@HARNESS.functional
def ampersand_title_shown(ctx):
    body = text_of(ctx.client().get("/search?q=tea"))
    expect("Green tea &amp; you" in body or "Green tea &#38; you" in body or "Green tea & you" in body,
           "title missing")


@HARNESS.exploit("reflected-xss", cwe="CWE-79")
def reflected(ctx):
    payload = "<script>alert('rl-xss')</script>"
    resp = ctx.client().get("/search", query_string={"q": payload})
    if payload in text_of(resp) and "html" in resp.content_type:
        return Exploited(payload, "the query's <script> element reached the HTML page unescaped")


@HARNESS.exploit("stored-xss-title", cwe="CWE-79")
def stored(ctx):
    resp = ctx.client().get("/search?q=stored")
    if STORED in text_of(resp) and "html" in resp.content_type:
        return Exploited("article title " + STORED, "an article title's markup reached the page unescaped")


if __name__ == "__main__":
    HARNESS.main()
