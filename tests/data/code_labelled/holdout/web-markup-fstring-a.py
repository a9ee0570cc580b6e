# redline-label: {"label": "vulnerable", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "flask-app"}
from flask import Flask, render_template, request
from markupsafe import Markup

from forum import get_thread

app = Flask(__name__)


def highlight(text: str, term: str) -> Markup:
    """Wrap occurrences of the search term in <mark> so the template can show them."""
    if not term:
        return Markup(text)
    return Markup(text.replace(term, f"<mark>{term}</mark>"))


@app.route("/threads/<int:thread_id>")
def thread(thread_id):
    term = request.args.get("highlight", "")
    t = get_thread(thread_id)
    posts = [{"author": p.author, "body": highlight(p.body, term)} for p in t.posts]
    # the template renders {{ post.body }}; Markup keeps the <mark> tags intact
    return render_template("thread.html", thread=t, posts=posts, term=term)
