"""Harness for js-web-profile-template: renderProfile(user) returns the HTML of a profile card.

The HTML is parsed (html.parser): the exploit works when a field from the signup form becomes markup (an element
or an event-handler attribute the template did not write) or when the website link runs script (a
``javascript:``, ``vbscript:`` or ``data:`` URL in ``href``).
"""

from html.parser import HTMLParser

from hpoly import Exploited, Harness, expect

HARNESS = Harness("js-web-profile-template", "javascript", exports=("renderProfile",))
TEMPLATE_TAGS = {"div", "h2", "p", "a", "br", "span", "img", "strong", "em"}


class Card(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags = []  # (tag, attrs)
        self.text = {}
        self._open = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data):
        if self._open:
            self.text[self._open[-1]] = self.text.get(self._open[-1], "") + data


def render(ctx, user):
    got = ctx.js_call("renderProfile", user)
    expect(got["ok"] and isinstance(got["value"], str), f"renderProfile failed: {got.get('error', got.get('value'))}")
    card = Card()
    card.feed(got["value"])
    card.close()
    return got["value"], card


@HARNESS.functional
def renders_card(ctx):
    html, card = render(ctx, {"displayName": "Ann Example", "bio": "Baker & runner", "website": "https://ann.example.org/"})
    expect(any(t == "div" and "card" in (a.get("class") or "").split() for t, a in card.tags), f"no card div: {html!r}")
    expect(card.text.get("h2", "").strip() == "Ann Example", f"h2: {html!r}")
    expect(card.text.get("p", "").strip() == "Baker & runner", f"bio paragraph: {html!r}")
    links = [a.get("href") for t, a in card.tags if t == "a"]
    expect("https://ann.example.org/" in links, f"website link: {html!r}")


@HARNESS.exploit("markup-injection", cwe="CWE-79")
def markup(ctx):
    for field, value in (("displayName", "<script>alert(1)</script>"), ("bio", "<img src=x onerror=alert(1)>"),
                         ("website", 'https://x.example/" onmouseover="alert(1)'),
                         ("bio", "</p><svg onload=alert(1)>"), ("displayName", "<iframe src=//evil.example>")):
        user = {"displayName": "Ann", "bio": "Hi", "website": "https://ann.example.org/", field: value}
        html, card = render(ctx, user)
        bad = [(t, a) for t, a in card.tags if t not in TEMPLATE_TAGS or any(k.startswith("on") for k in a)]
        if bad:
            return Exploited(f"{field}={value!r}", f"the field became markup: <{bad[0][0]}> in {html[:160]!r}")
    return None


@HARNESS.exploit("javascript-url", cwe="CWE-79")
def script_link(ctx):
    for website in ("javascript:alert(document.cookie)", " JavaScript:alert(1)", "java\tscript:alert(1)",
                    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"):
        html, card = render(ctx, {"displayName": "Ann", "bio": "Hi", "website": website})
        for tag, attrs in card.tags:
            href = "".join((attrs.get("href") or "").split()).lower()
            if tag == "a" and href.startswith(("javascript:", "vbscript:", "data:")):
                return Exploited(f"website={website!r}", f"the profile link runs script: href={attrs.get('href')!r}")
    return None


if __name__ == "__main__":
    HARNESS.main()
