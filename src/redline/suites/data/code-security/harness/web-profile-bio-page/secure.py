from flask import Flask, abort, render_template_string

from .profiles import get_profile

app = Flask(__name__)

PAGE = """<!doctype html>
<h1>{{ p.display_name }}</h1>
<div class="bio">{% for line in p.bio.splitlines() %}{{ line }}<br>{% endfor %}</div>
{% if website %}<p><a href="{{ website }}" rel="nofollow noopener">{{ website }}</a></p>{% endif %}"""


@app.route("/u/<username>")
def profile(username: str):
    p = get_profile(username)
    if p is None:
        abort(404)
    website = (p.get("website") or "").strip()
    if not website.lower().startswith(("http://", "https://")):
        website = ""
    return render_template_string(PAGE, p={**p, "bio": p.get("bio") or ""}, website=website)
