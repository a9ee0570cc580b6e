import jinja2

TEMPLATE = """<html><body><h1>{{ title }}</h1><table>
{% for r in rows %}<tr><td>{{ r.name }}</td><td>{{ r.rating }}</td><td>{{ r.comment|e }}</td></tr>{% endfor %}
</table></body></html>"""


def render_feedback_report(title: str, rows: list[dict]) -> str:
    return jinja2.Template(TEMPLATE).render(title=title, rows=rows)
