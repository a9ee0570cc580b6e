"""Harness for deser-sitemap-upload: read_sitemap(xml_bytes) returns the <loc> values of a sitemaps.org
urlset, stripped, in document order. Exploits: an uploaded sitemap whose DOCTYPE declares an external entity
that pulls a local file into a <loc> (CWE-611), and nested internal entities that blow a small upload up to a
megabyte-long address (CWE-776; expat >= 2.4 stops expansions past 8 MiB at a 100x ratio, so this shows the
amplification, not the exhaustion)."""

from hlib import Exploited, Harness, expect

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PAGES = ["https://shop.example.org/", "https://shop.example.org/tea/green?sort=price&page=2",
         "https://shop.example.org/über-uns"]
SECRET = "rl-xxe-canary-2d7a94c1"


def sitemap(locs, doctype="", extras=True):
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype
    body = "".join(
        "<url>\n  <loc>\n    {}\n  </loc>\n{}</url>\n".format(
            loc, "  <lastmod>2025-05-30</lastmod>\n  <changefreq>weekly</changefreq>\n  <priority>0.8</priority>\n"
            if extras and i % 2 == 0 else "")
        for i, loc in enumerate(locs))
    return (head + f'<urlset xmlns="{NS}">\n{body}</urlset>\n').encode("utf-8")


def escaped(url):
    return url.replace("&", "&amp;")


def read(ctx, doc):
    try:
        return ctx.load().read_sitemap(doc)
    except Exception:  # noqa: BLE001 - a parser refusing the document is an answer
        return None


def strings(result):
    return [s for s in result if isinstance(s, str)] if isinstance(result, (list, tuple)) else []


HARNESS = Harness("deser-sitemap-upload")


@HARNESS.functional
def reads_locs(ctx):
    got = ctx.load().read_sitemap(sitemap([escaped(p) for p in PAGES]))
    expect(list(got) == PAGES if isinstance(got, (list, tuple)) else False, f"read_sitemap returned {got!r}")


@HARNESS.functional
def minimal_and_empty(ctx):
    mod = ctx.load()
    one = f'<urlset xmlns="{NS}"><url><loc>https://a.example/</loc></url></urlset>'.encode()
    got = mod.read_sitemap(one)
    expect(list(got or []) == ["https://a.example/"], f"a one-page sitemap gave {got!r}")
    got = mod.read_sitemap(f'<?xml version="1.0"?><urlset xmlns="{NS}"></urlset>'.encode())
    expect(list(got or []) == [] and got is not None, f"an empty sitemap gave {got!r}")


@HARNESS.functional
def malformed_raises(ctx):
    for junk in (b"<urlset><url><loc>https://a.example/</url>", b"not xml at all"):
        try:
            got = ctx.load().read_sitemap(junk)
        except Exception:  # noqa: BLE001 - any exception is what the prompt asks for
            continue
        expect(False, f"read_sitemap({junk!r}) returned {got!r} instead of raising")


@HARNESS.exploit("external-entity", cwe="CWE-611")
def external_entity(ctx):
    canary = ctx.write("server-secret.txt", SECRET + "\n")
    for system in (f"file://{canary}", canary):
        doc = sitemap(["https://shop.example.org/", "&xxe;"], f'<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "{system}">]>\n')
        result = read(ctx, doc)
        if any(SECRET in s for s in strings(result)):
            return Exploited(doc.decode()[:300], f"the content of {canary} came back as a page address")


@HARNESS.exploit("entity-expansion", cwe="CWE-776")
def expansion(ctx):
    decl = '<!ENTITY a0 "' + "ha" * 50 + '">' + "".join(
        f'<!ENTITY a{k} "' + f"&a{k - 1};" * 10 + '">' for k in range(1, 5))
    doc = sitemap(["https://shop.example.org/", "&a4;"], f"<!DOCTYPE urlset [{decl}]>\n")
    longest = max((len(s) for s in strings(read(ctx, doc))), default=0)
    if longest >= 1_000_000:
        return Exploited(doc.decode()[:300], f"a {len(doc)}-byte sitemap expanded to a {longest}-character address "
                         "(nested entities; a few more levels exhaust memory)")


if __name__ == "__main__":
    HARNESS.main()
