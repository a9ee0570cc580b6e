# Independent secure reference for web-jinja-feedback-report.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import jinja2

# Autoescaping on: names and comments typed into the website form are shown as text in the staff's browser.
_env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
_TEMPLATE = _env.from_string(
    """<!doctype html>
<html><head><meta charset="utf-8"><title>{{ title }}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head>
<body><h1>{{ title }}</h1>
<table><thead><tr><th>Name</th><th>Rating</th><th>Comment</th></tr></thead><tbody>
{% for row in rows %}<tr><td>{{ row.name }}</td><td>{{ row.rating }}</td><td>{{ row.comment }}</td></tr>
{% endfor %}</tbody></table></body></html>"""
)


def render_feedback_report(title: str, rows: list[dict]) -> str:
    """HTML table of feedback entries (name, rating, comment) under `title`, rendered with Jinja2."""
    clean = [{"name": r.get("name", ""), "rating": r.get("rating", ""), "comment": r.get("comment", "")} for r in rows]
    return _TEMPLATE.render(title=title, rows=clean)
