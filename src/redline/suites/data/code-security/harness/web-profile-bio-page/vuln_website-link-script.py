from flask import Flask, abort, render_template_string

from .profiles import get_profile

app = Flask(__name__)

PAGE = """<!doctype html>
<h1>{{ p["display_name"] }}</h1>
<p style="white-space: pre-line">{{ p["bio"] }}</p>
{% if p["website"] %}<a href="{{ p["website"] }}">My website</a>{% endif %}"""


@app.route("/u/<username>")
def profile(username: str):
    p = get_profile(username)
    if p is None:
        abort(404)
    return render_template_string(PAGE, p=p)
