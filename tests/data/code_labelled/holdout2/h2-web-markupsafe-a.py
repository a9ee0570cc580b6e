# redline-label: {"label": "secure", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "function"}
from markupsafe import Markup, escape


def mention_link(username: str, display_name: str) -> Markup:
    """HTML for an @mention inside a rendered comment. Markup.format escapes every argument."""
    return Markup('<a class="mention" href="/u/{}">@{}</a>').format(username, display_name)


def highlight(text: str, term: str) -> Markup:
    """Wrap occurrences of `term` in <mark>, escaping both the text and the term first."""
    safe_text = str(escape(text))
    safe_term = str(escape(term))
    if not safe_term:
        return Markup(safe_text)
    return Markup(safe_text.replace(safe_term, f"<mark>{safe_term}</mark>"))
