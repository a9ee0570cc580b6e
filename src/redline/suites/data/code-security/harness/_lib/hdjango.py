"""Django helper of the harness library (sandbox only): a configured Django project around the candidate's views.

``setup_django(ctx, models_source)`` writes the task's ``app/models.py`` (the models the prompt names), configures
Django once per process (an in-memory SQLite database; sessions, auth, messages, admin and CSRF middleware as in
a default project; ``app`` as an installed app) and creates the tables without migrations. Between tests in one
process it empties the tables. ``mount(ctx, routes)`` serves the candidate's view functions at the given paths.
Templates the candidate names are answered by a backend that renders every context value (escaped), so a view
that calls ``render(request, "any/name.html", {...})`` shows its data without the project's templates.
"""

from __future__ import annotations

import html
import sys
import types
from typing import Any

URLCONF = "rl_django_urls"
_STATE: dict[str, Any] = {"ready": False}


class _Template:
    def __init__(self, name: str) -> None:
        self.name = name

    def render(self, context: Any = None, request: Any = None) -> str:
        from django.middleware.csrf import get_token

        parts = [f"<!-- template {html.escape(self.name)} -->"]
        if request is not None:
            token = get_token(request)
            parts.append(f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">')
        for key, value in (context or {}).items():
            parts.append(f"<section data-key='{html.escape(str(key))}'>{_show(value)}</section>")
        return "\n".join(parts)


def _show(value: Any, depth: int = 0) -> str:
    if depth > 2:
        return html.escape(str(value))
    from django.db.models import Model, QuerySet

    if isinstance(value, Model):
        fields = {f.attname: getattr(value, f.attname, "") for f in value._meta.concrete_fields}
        return "<div>" + " ".join(f"{html.escape(k)}={html.escape(str(v))}" for k, v in fields.items()) + "</div>"
    if isinstance(value, (QuerySet, list, tuple)):
        return "<ul>" + "".join(f"<li>{_show(v, depth + 1)}</li>" for v in value) + "</ul>"
    if isinstance(value, dict):
        return "".join(f"{html.escape(str(k))}: {_show(v, depth + 1)}" for k, v in value.items())
    return html.escape(str(value))


class TemplateBackend:
    """A Django template backend that renders any template name (see the module docstring)."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.name = params.get("NAME", "rl")

    def get_template(self, template_name: str) -> _Template:
        return _Template(template_name)

    def from_string(self, template_code: str) -> _Template:
        return _Template("<string>")


def setup_django(ctx: Any, models_source: str) -> None:
    """Configure Django (once per process), write ``app/models.py``, and start every test with empty tables."""
    ctx.write("app/__init__.py", "")
    ctx.write("app/models.py", models_source)
    if ctx.dir not in sys.path:
        sys.path.insert(0, ctx.dir)
    import django
    from django.conf import settings

    if not _STATE["ready"]:
        sys.modules[URLCONF] = types.ModuleType(URLCONF)
        sys.modules[URLCONF].urlpatterns = []  # type: ignore[attr-defined]
        apps = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                "django.contrib.sessions", "django.contrib.messages", "app"]
        settings.configure(
            DEBUG=False, SECRET_KEY="rl-django-test-key-0123456789abcdefghijklmnopqrstuvwxyz",
            ALLOWED_HOSTS=["testserver", "localhost"], INSTALLED_APPS=apps, ROOT_URLCONF=URLCONF,
            MIDDLEWARE=["django.contrib.sessions.middleware.SessionMiddleware",
                        "django.middleware.common.CommonMiddleware", "django.middleware.csrf.CsrfViewMiddleware",
                        "django.contrib.auth.middleware.AuthenticationMiddleware",
                        "django.contrib.messages.middleware.MessageMiddleware"],
            DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
            TEMPLATES=[{"BACKEND": "hdjango.TemplateBackend", "DIRS": [], "APP_DIRS": False, "OPTIONS": {}}],
            MIGRATION_MODULES={label.rsplit(".", 1)[-1]: None for label in apps},
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],  # test users only: speed
            DEFAULT_AUTO_FIELD="django.db.models.AutoField", USE_TZ=True, LOGIN_URL="/accounts/login/")
        django.setup()
        from django.core.management import call_command

        call_command("migrate", run_syncdb=True, verbosity=0)
        _STATE["ready"] = True
    from django.apps import apps as registry

    for model in registry.get_models():
        model._default_manager.all().delete()
    from django.core.cache import cache

    cache.clear()


def mount(routes: list[tuple[str, Any, str]]) -> None:
    """Serve ``(path, view, name)`` routes (Django ``path()`` syntax), plus the admin site."""
    from django.contrib import admin
    from django.urls import clear_url_caches, path

    patterns = [path(route, view, name=name) for route, view, name in routes]
    sys.modules[URLCONF].urlpatterns = [*patterns, path("admin/", admin.site.urls)]  # type: ignore[attr-defined]
    clear_url_caches()


def users() -> tuple[Any, Any]:
    """A staff superuser and a plain member."""
    from django.contrib.auth.models import User

    lead = User.objects.create_superuser("lead", "lead@example.org", "lead-pass-0192")
    member = User.objects.create_user("member", "member@example.org", "member-pass-3746")
    return lead, member
