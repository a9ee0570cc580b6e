# Independent secure reference for web-profile-bio-page, written from the task prompt only (without seeing the harness tests).
"""Public profile page: every member-supplied value is escaped, and the website becomes a link only for http(s)."""
import re
from urllib.parse import urlsplit

from flask import Flask, abort, render_template_string

from .profiles import get_profile

app = Flask(__name__)

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{{ name }}</title></head>
<body>
<h1>{{ name }}</h1>
<div class="bio">{% for line in bio_lines %}{{ line }}{% if not loop.last %}<br>
{% endif %}{% endfor %}</div>
{% if website_href %}<p class="website"><a href="{{ website_href }}" rel="nofollow noopener noreferrer ugc">{{ website_text }}</a></p>{% endif %}
</body></html>"""

_HOSTNAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+(?::\d{1,5})?(?:[/?#]\S*)?$")


def _website_href(website: str) -> str | None:
    """The link target for a member's website, or None when it is not a plain http(s) address.

    javascript:, data: and every other scheme are refused (and not shown), so the link can never run script.
    """
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in website):
        return None
    parts = urlsplit(website)
    if parts.scheme.lower() in ("http", "https"):
        return website if parts.netloc and parts.hostname else None
    if not parts.scheme and _HOSTNAME.match(website):  # "example.org/me": a bare host name
        return "https://" + website
    return None


@app.after_request
def _security_headers(response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Content-Security-Policy", "default-src 'self'; script-src 'none'")
    return response


@app.route("/u/<username>")
def profile(username: str):
    """Public profile: display name as the heading, the bio with its line breaks, the website as a link."""
    member = get_profile(username)
    if member is None:
        abort(404)
    name = str(member.get("display_name") or username)
    bio = str(member.get("bio") or "")
    website = str(member.get("website") or "").strip()
    # The template autoescapes each bio line; only the <br> between lines is markup of ours.
    bio_lines = bio.replace("\r\n", "\n").replace("\r", "\n").split("\n") if bio else []
    return render_template_string(
        PAGE,
        name=name,
        bio_lines=bio_lines,
        website_href=_website_href(website) if website else None,
        website_text=website,
    )
