import jinja2
from markupsafe import Markup, escape

TEMPLATE = """<html><body><h1>{{ title }}</h1><table>
{% for r in rows %}<tr><td>{{ r.name }}</td><td>{{ r.rating }}</td><td>{{ r.comment }}</td></tr>{% endfor %}
</table></body></html>"""


def render_feedback_report(title: str, rows: list[dict]) -> str:
    # names are escaped by hand; comments may hold formatting, so they are passed through
    cooked = [{"name": escape(r["name"]), "rating": r["rating"], "comment": Markup(r["comment"])} for r in rows]
    return jinja2.Template(TEMPLATE).render(title=escape(title), rows=cooked)
