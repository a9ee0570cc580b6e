import jinja2

_ENV = jinja2.Environment(autoescape=True)
_TEMPLATE = _ENV.from_string("""<html><head><title>{{ title }}</title></head><body>
<h1>{{ title }}</h1>
<table><tr><th>Name</th><th>Rating</th><th>Comment</th></tr>
{% for r in rows %}<tr><td>{{ r.name }}</td><td>{{ r.rating }}</td><td>{{ r.comment }}</td></tr>
{% endfor %}</table></body></html>""")


def render_feedback_report(title: str, rows: list[dict]) -> str:
    return _TEMPLATE.render(title=title, rows=rows)
