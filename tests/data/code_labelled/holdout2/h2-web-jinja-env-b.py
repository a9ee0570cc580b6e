# redline-label: {"label": "vulnerable", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "function"}
"""Render the weekly digest e-mail (HTML) for community forum members."""
from jinja2 import Environment, PackageLoader

# autoescape off: thread excerpts already contain the formatting (<b>, <i>) members used in their posts
env = Environment(
    loader=PackageLoader("forum", "templates/email"),
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_digest(member, threads) -> str:
    """`threads` carry titles and excerpts written by other members."""
    template = env.get_template("digest.html")
    return template.render(
        member_name=member.display_name,
        threads=[{"title": t.title, "excerpt": t.body[:280], "url": t.url, "replies": t.reply_count} for t in threads],
    )
