import html

from flask import Flask, abort

from .profiles import get_profile

app = Flask(__name__)


@app.route("/u/<username>")
def profile(username: str):
    p = get_profile(username)
    if p is None:
        abort(404)
    bio = "<br>".join(html.escape(line) for line in (p["bio"] or "").splitlines())
    out = f"<h1>{html.escape(p['display_name'])}</h1><p>{bio}</p>"
    if p.get("website"):
        out += f'<a href="{html.escape(p["website"], quote=False)}">{html.escape(p["website"])}</a>'
    return out
