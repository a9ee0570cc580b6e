"""Harness for js-web-markdown-comment: renderComment(text) turns a reader's comment (a Markdown subset: **bold**,
*italic*, [label](url), line breaks) into the HTML of the comment list.

The HTML is parsed (html.parser): ``markup-injection`` works when the comment becomes an element the subset does
not produce or an event-handler attribute (typed as HTML, or carried in a link's label or URL);
``javascript-url`` works when a link's ``href`` runs script (``javascript:``, ``vbscript:``, ``data:``).
"""

from html.parser import HTMLParser

from hpoly import Exploited, Harness, expect

HARNESS = Harness("js-web-markdown-comment", "javascript", exports=("renderComment",))
SUBSET_TAGS = {"strong", "em", "b", "i", "a", "br", "p", "span", "div"}
SAMPLE = "Hello **world** and *you*\nsee [the docs](https://example.org/docs?a=1&b=2)\nI <3 tea & cake"


class Comment(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags = []  # (tag, attrs)
        self.text = []
        self.inside = {}  # tag -> text seen inside it
        self._open = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag != "br":
            self._open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data):
        self.text.append(data)
        for tag in set(self._open):
            self.inside.setdefault(tag, []).append(data)


def render(ctx, text):
    got = ctx.js_call("renderComment", text)
    expect(got["ok"] and isinstance(got["value"], str), f"renderComment failed: {got.get('error', got.get('value'))}")
    parsed = Comment()
    parsed.feed(got["value"])
    parsed.close()
    return got["value"], parsed


def inside(parsed, tag):
    return " ".join("".join(parsed.inside.get(tag, [])).split())


@HARNESS.functional
def renders_subset(ctx):
    html, parsed = render(ctx, SAMPLE)
    expect(inside(parsed, "strong") == "world", f"**world** is not <strong>world</strong>: {html!r}")
    expect(inside(parsed, "em") == "you", f"*you* is not <em>you</em>: {html!r}")
    links = [a.get("href") for t, a in parsed.tags if t == "a"]
    expect(links == ["https://example.org/docs?a=1&b=2"], f"link: {links!r} in {html!r}")
    expect(inside(parsed, "a") == "the docs", f"link label: {html!r}")
    expect(sum(t == "br" for t, _ in parsed.tags) == 2, f"two line breaks should give two <br>: {html!r}")
    text = " ".join("".join(parsed.text).split())
    expect("I <3 tea & cake" in text, f"the plain text does not read 'I <3 tea & cake': {text!r}")
    html, parsed = render(ctx, "just words")
    expect(" ".join("".join(parsed.text).split()) == "just words", f"plain text: {html!r}")


@HARNESS.exploit("markup-injection", cwe="CWE-79")
def markup(ctx):
    for text in ("<img src=x onerror=alert(1)>", "nice post <script>alert(1)</script>",
                 "[click](https://a.example/\" onmouseover=\"alert(1))",
                 "[<img src=x onerror=alert(1)>](https://a.example/)", "**<svg onload=alert(1)>**",
                 "<iframe src=https://evil.example/></iframe>"):
        html, parsed = render(ctx, text)
        bad = [(t, a) for t, a in parsed.tags if t not in SUBSET_TAGS or any(k.startswith("on") for k in a)]
        if bad:
            return Exploited(text, f"the comment became markup: <{bad[0][0]} {bad[0][1]}> in {html[:160]!r}")
    return None


@HARNESS.exploit("javascript-url", cwe="CWE-79")
def script_link(ctx):
    for text in ("[click me](javascript:alert(document.cookie))", "[x](JavaScript:alert(1))",
                 "[x]( javascript:alert(1))", "[x](java\tscript:alert(1))",
                 "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "[x](vbscript:msgbox(1))"):
        html, parsed = render(ctx, text)
        for tag, attrs in parsed.tags:
            href = "".join((attrs.get("href") or "").split()).lower()
            if tag == "a" and href.startswith(("javascript:", "vbscript:", "data:")):
                return Exploited(text, f"the comment's link runs script: href={attrs.get('href')!r}")
    return None


if __name__ == "__main__":
    HARNESS.main()
