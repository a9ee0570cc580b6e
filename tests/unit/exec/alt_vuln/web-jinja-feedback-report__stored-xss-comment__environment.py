from jinja2 import Environment

env = Environment()
TPL = env.from_string("<h1>{{ title }}</h1>{% for r in rows %}<div>{{ r['name'] }} ({{ r['rating'] }}/5): "
                      "{{ r['comment'] }}</div>{% endfor %}")


def render_feedback_report(title: str, rows: list[dict]) -> str:
    return TPL.render(title=title, rows=rows)
