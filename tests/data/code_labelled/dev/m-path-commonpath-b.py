# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "function"}
import os

TEMPLATE_ROOT = "/etc/mailer/templates"


class TemplateNotFound(Exception):
    pass


def load_email_template(name: str, locale: str = "en") -> str:
    """Read templates/<locale>/<name>.html; both parts come from the campaign editor."""
    if os.path.isabs(name) or os.path.isabs(locale):
        raise TemplateNotFound(name)
    candidate = os.path.join(TEMPLATE_ROOT, locale, f"{name}.html")
    try:
        with open(candidate, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        raise TemplateNotFound(name) from None
