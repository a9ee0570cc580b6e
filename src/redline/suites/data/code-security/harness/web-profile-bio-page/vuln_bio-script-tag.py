from flask import Flask, abort, render_template_string
from markupsafe import Markup

from .profiles import get_profile

app = Flask(__name__)

PAGE = """<!doctype html>
<h1>{{ name }}</h1>
<div class="bio">{{ bio }}</div>
{% if website %}<p><a href="{{ website }}">{{ website }}</a></p>{% endif %}"""


@app.route("/u/<username>")
def profile(username: str):
    p = get_profile(username)
    if not p:
        abort(404)
    bio = Markup((p["bio"] or "").replace("\n", "<br>"))
    website = p.get("website") or ""
    if not website.startswith(("http://", "https://")):
        website = ""
    return render_template_string(PAGE, name=p["display_name"], bio=bio, website=website)
