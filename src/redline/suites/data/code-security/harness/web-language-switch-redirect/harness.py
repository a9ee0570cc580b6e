"""Harness for web-language-switch-redirect: GET /lang/<code>?back=<page> sets the lang cookie and redirects
to back (or /); 404 for a code other than en, de, fr, es."""

from urllib.parse import parse_qs, urlsplit

from happs import cookie
from hlib import Exploited, Harness, expect

REDIRECTS = (301, 302, 303, 307, 308)


def client(ctx):
    ctx.ensure_route("/pricing", "pricing")
    ctx.ensure_route("/", "index")
    return ctx.client()


def target(resp):
    return urlsplit(resp.headers.get("Location", "").replace("\\", "/"))


HARNESS = Harness("web-language-switch-redirect", setup=None)


@HARNESS.functional
def switches_and_goes_back(ctx):
    resp = client(ctx).get("/lang/de", query_string={"back": "/pricing?plan=team"})
    expect(resp.status_code in REDIRECTS, f"a language switch answered {resp.status_code}, not a redirect")
    t = target(resp)
    expect(t.netloc in ("", "localhost") and t.path == "/pricing" and parse_qs(t.query).get("plan") == ["team"],
           f"back=/pricing?plan=team went to {resp.headers.get('Location')}")
    morsel, _ = cookie(resp, "lang")
    expect(morsel is not None and morsel.value == "de", "the lang cookie was not set to de")


@HARNESS.functional
def home_without_back_and_404(ctx):
    c = client(ctx)
    resp = c.get("/lang/fr")
    expect(resp.status_code in REDIRECTS, f"a switch without back answered {resp.status_code}, not a redirect")
    expect(target(resp).path in ("/", "") and target(resp).netloc in ("", "localhost"),
           f"without back the visitor went to {resp.headers.get('Location')}, not /")
    morsel, _ = cookie(resp, "lang")
    expect(morsel is not None and morsel.value == "fr", "the lang cookie was not set to fr")
    resp = c.get("/lang/xx", query_string={"back": "/pricing"})
    expect(resp.status_code == 404, f"an unknown language answered {resp.status_code}, not 404")


@HARNESS.exploit("open-redirect", cwe="CWE-601")
def off_site(ctx):
    c = client(ctx)
    for payload in ("https://evil.example/phish", "//evil.example/phish", "/\\evil.example/phish",
                    "https:evil.example", "http://localhost.evil.example/", "/\t/evil.example/phish"):
        resp = c.get("/lang/en", query_string={"back": payload})
        loc = resp.headers.get("Location", "")
        t = urlsplit(loc.replace("\\", "/").replace("\t", ""))
        if resp.status_code in REDIRECTS and "evil.example" in (t.netloc or "") + (
                t.path if t.scheme and not t.netloc else ""):
            return Exploited(f"/lang/en?back={payload}", f"the language menu sent the visitor off-site to {loc}: a "
                                                         "link on the site's own domain that lands on a phishing page")


if __name__ == "__main__":
    HARNESS.main()
