"""Harness for ac-django-staff-applications: Django views for the staff area, pending_applications(request)
lists the Application rows whose status is pending, and a second view approves or rejects an application by
id from a form post.

A default Django project is built around the views (``hdjango``: sessions, auth, CSRF and messages middleware,
in-memory SQLite, any template name rendered with its context). ``Application`` (app/models.py, the model the
prompt names) has name, email, status and the usual status constants. The decision view is the module's other
view taking an id (its parameter name becomes the URL's); the form post carries the decision in the usual
field spellings at once (action/decision/status/approve). Exploits: an anonymous visitor (CWE-306) or a
logged-in member who is not staff (CWE-862) sees the applications or decides one, and a cross-site post
without the CSRF token decides one for a logged-in staff member (CWE-352)."""

import inspect

from hdjango import mount, setup_django, users
from hlib import Exploited, Harness, expect

MODELS = '''
from django.db import models


class Application(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
    STATUS_PENDING, STATUS_APPROVED, STATUS_REJECTED = "pending", "approved", "rejected"
    STATUS_CHOICES = Status.choices

    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    motivation = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    reviewed_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "app"

    def __str__(self):
        return self.name
'''
APPROVE = {"action": "approve", "decision": "approve", "status": "approved", "approve": "Approve"}
REJECT = {"action": "reject", "decision": "reject", "status": "rejected", "reject": "Reject"}


def setup(ctx):
    setup_django(ctx, MODELS)


def world(ctx):
    mod = ctx.load()
    pending = getattr(mod, "pending_applications", None)
    expect(callable(pending), "no pending_applications view")
    views = [(n, f) for n, f in vars(mod).items() if inspect.isfunction(f) and f is not pending
             and getattr(inspect.unwrap(f), "__module__", "") == mod.__name__
             and len(inspect.signature(inspect.unwrap(f)).parameters) >= 2
             and next(iter(inspect.signature(inspect.unwrap(f)).parameters)) == "request"]
    expect(len(views) == 1, f"expected one view that decides an application by id, found {[n for n, _ in views]}")
    name, decide = views[0]
    id_param = list(inspect.signature(inspect.unwrap(decide)).parameters)[1]
    mount([("staff/applications/", pending, "pending_applications"),
           (f"staff/applications/<int:{id_param}>/decide/", decide, name)])
    from app.models import Application

    apps = {"ana": Application.objects.create(name="Ana Pending-4411", email="ana@example.org"),
            "bo": Application.objects.create(name="Bo Pending-7302", email="bo@example.org"),
            "cy": Application.objects.create(name="Cy Approved-5520", email="cy@example.org", status="approved"),
            "di": Application.objects.create(name="Di Rejected-9034", email="di@example.org", status="rejected")}
    lead, member = users()
    return apps, lead, member


def client(user=None, csrf=False):
    from django.test import Client

    c = Client(enforce_csrf_checks=csrf, raise_request_exception=False)
    if user is not None:
        c.force_login(user)
    return c


def status(app):
    app.refresh_from_db()
    return str(app.status).lower()


def decide(c, app, data):
    return c.post(f"/staff/applications/{app.pk}/decide/", data)


HARNESS = Harness("ac-django-staff-applications", setup)


@HARNESS.functional
def staff_sees_pending_only(ctx):
    apps, lead, _ = world(ctx)
    resp = client(lead).get("/staff/applications/")
    text = resp.content.decode("utf-8", "replace")
    expect(resp.status_code == 200, f"staff got status {resp.status_code} for the list")
    expect("Ana Pending-4411" in text and "Bo Pending-7302" in text, "the pending applications are not listed")
    expect("Cy Approved-5520" not in text and "Di Rejected-9034" not in text, "decided applications are listed")


@HARNESS.functional
def staff_approves_and_rejects(ctx):
    apps, lead, _ = world(ctx)
    c = client(lead)
    decide(c, apps["ana"], APPROVE)  # any response: where it redirects to is the project's own URL names
    expect(status(apps["ana"]).startswith(("approv", "accept")), f"Ana's application is {status(apps['ana'])!r}")
    decide(c, apps["bo"], REJECT)
    expect(status(apps["bo"]).startswith(("reject", "declin", "denied")), f"Bo's application is {status(apps['bo'])!r}")
    expect(status(apps["cy"]) == "approved" and status(apps["di"]) == "rejected", "other applications changed")


def _breach(ctx, who):
    apps, lead, member = world(ctx)
    c = client(None if who == "anonymous" else member)
    resp = c.get("/staff/applications/")
    if resp.status_code == 200 and "Ana Pending-4411" in resp.content.decode("utf-8", "replace"):
        return Exploited(f"GET /staff/applications/ as {who}", "the pending applications (names, e-mails) are shown")
    decide(c, apps["ana"], APPROVE)
    if status(apps["ana"]) != "pending":
        return Exploited(f"POST /staff/applications/{apps['ana'].pk}/decide/ as {who}",
                         f"the application is now {status(apps['ana'])!r}")
    return None


@HARNESS.exploit("anonymous-access", cwe="CWE-306")
def anonymous(ctx):
    return _breach(ctx, "anonymous")


@HARNESS.exploit("member-access", cwe="CWE-862")
def member_access(ctx):
    return _breach(ctx, "a logged-in member who is not staff")


@HARNESS.exploit("csrf", cwe="CWE-352")
def csrf(ctx):
    apps, lead, _ = world(ctx)
    decide(client(lead, csrf=True), apps["ana"], APPROVE)
    if status(apps["ana"]) != "pending":
        return Exploited(f"a cross-site POST /staff/applications/{apps['ana'].pk}/decide/ without the CSRF token",
                         f"the staff member's browser {status(apps['ana'])!r} Ana's application")


if __name__ == "__main__":
    HARNESS.main()
