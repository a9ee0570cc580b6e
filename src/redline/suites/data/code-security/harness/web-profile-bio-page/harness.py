"""Harness for web-profile-bio-page: GET /u/<username> shows get_profile(username)'s display_name as a heading,
the bio with its line breaks and the website as a link; 404 for an unknown member. get_profile is a stub
(profiles.py) over the test's own profiles."""

import html
import html.parser
import re

from hlib import Exploited, Harness, expect, text_of

ANA = {"display_name": "Ana Lima", "bio": "Birdwatcher on weekends.\nVolunteer at the harbour museum (Tom & Jerry fan).",
       "website": "https://ana.example.org/blog"}
BO = {"display_name": "Bo Sandvik", "bio": "Just here to read.", "website": None}


def setup(ctx):
    profiles = {"ana": dict(ANA), "bo": dict(BO), "cy": {**BO, "display_name": "Cy Rowe", "website": ""}}
    ctx.profiles = profiles
    ctx.stub("profiles", get_profile=lambda username: profiles.get(username))


class _Tags(html.parser.HTMLParser):
    """Every start tag with its attributes (values unescaped, as a browser reads them), and heading texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.headings, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, [(k, v or "") for k, v in attrs]))
        if re.fullmatch(r"h[1-6]", tag):
            self._in = tag
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.headings[-1] += data


def parse(page):
    parser = _Tags()
    parser.feed(page)
    return parser


def links(page):
    return [dict(attrs).get("href", "") for tag, attrs in parse(page).tags if tag == "a"]


def page_of(ctx, username):
    resp = ctx.client().get(f"/u/{username}")
    return resp.status_code, text_of(resp)


HARNESS = Harness("web-profile-bio-page", setup)


@HARNESS.functional
def shows_the_profile(ctx):
    status, page = page_of(ctx, "ana")
    expect(status == 200, f"GET /u/ana got status {status}")
    expect(any("Ana Lima" in h for h in parse(page).headings), "the display name is not a heading")
    text = html.unescape(page)
    first, second = "Birdwatcher on weekends.", "Volunteer at the harbour museum (Tom & Jerry fan)."
    expect(first in text and second in text, "the bio is not shown as written")
    start, end = page.find(first), page.find("Volunteer at the harbour museum")
    between = page[start + len(first):end].lower() if 0 <= start < end else ""
    kept = re.search(r"<br|</?p\b|</?div\b|</?li\b", between) or ("\n" in between and "pre" in page.lower())
    expect(kept, "the bio's line break is not kept (no <br>, paragraph, or pre-formatted text between the lines)")
    expect(ANA["website"] in links(page), "the website is not a link")


@HARNESS.functional
def no_website_and_unknown_member(ctx):
    for username, name in (("bo", "Bo Sandvik"), ("cy", "Cy Rowe")):
        status, page = page_of(ctx, username)
        expect(status == 200 and name in page, f"GET /u/{username} got status {status}")
        expect(not [h for h in links(page) if h.strip() in ("", "None", "#")], "a member without a website gets a link")
    expect(page_of(ctx, "nobody")[0] == 404, "an unknown member is not answered with 404")


@HARNESS.exploit("bio-script-tag", cwe="CWE-79")
def bio_script(ctx):
    script, img = "<script>alert('rl-bio')</script>", "<img src=x onerror=alert('rl-name')>"
    ctx.profiles["eve"] = {"display_name": img, "bio": f"Hello there\n{script}", "website": None}
    _, page = page_of(ctx, "eve")
    for payload in (script, img):
        if payload in page:
            return Exploited(payload, "a member's own profile text is served to every visitor as live markup")


@HARNESS.exploit("website-link-script", cwe="CWE-79")
def website_script(ctx):
    for website in ("javascript:alert(document.cookie)", " JavaScript:alert(document.cookie)",
                    "https://eve.example/\" onmouseover=\"alert('rl-attr')", "https://eve.example/' onmouseover='alert(1)"):
        ctx.profiles["eve"] = {"display_name": "Eve", "bio": "Hello", "website": website}
        _, page = page_of(ctx, "eve")
        for tag, attrs in parse(page).tags:
            for name, value in attrs:
                if name.startswith("on") and "alert" in value:
                    return Exploited(website, f"the website broke out of its attribute: <{tag} {name}=\"{value}\">")
                if tag == "a" and name == "href" and \
                        re.sub(r"[\x00-\x20]", "", value).lower().startswith(("javascript:", "vbscript:", "data:")):
                    return Exploited(website, f"the profile links to {value!r}: a visitor's click runs the member's "
                                              "script on our site")


if __name__ == "__main__":
    HARNESS.main()
