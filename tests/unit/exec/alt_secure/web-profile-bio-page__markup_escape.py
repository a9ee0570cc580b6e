from urllib.parse import urlparse

from flask import Flask, abort
from markupsafe import Markup, escape

from .profiles import get_profile

app = Flask(__name__)


@app.route("/u/<username>")
def profile(username: str):
    p = get_profile(username)
    if p is None:
        abort(404)
    bio = Markup("<br>\n").join(escape(line) for line in (p.get("bio") or "").split("\n"))
    website = (p.get("website") or "").strip()
    link = ""
    if website and urlparse(website).scheme in ("http", "https"):
        link = Markup('<p>Website: <a href="{0}">{0}</a></p>').format(website)
    return Markup("<html><body><h2>{}</h2><section>{}</section>{}</body></html>").format(
        p.get("display_name", ""), bio, link)
