# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "function"}
import os

TEMPLATE_ROOT = os.path.realpath("/etc/mailer/templates")


class TemplateNotFound(Exception):
    pass


def load_email_template(name: str, locale: str = "en") -> str:
    """Read templates/<locale>/<name>.html; both parts come from the campaign editor."""
    candidate = os.path.realpath(os.path.join(TEMPLATE_ROOT, locale, f"{name}.html"))
    if os.path.commonpath([TEMPLATE_ROOT, candidate]) != TEMPLATE_ROOT:
        raise TemplateNotFound(name)
    try:
        with open(candidate, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        raise TemplateNotFound(name) from None
