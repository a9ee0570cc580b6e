# Independent secure reference for ac-django-staff-applications.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Staff area views: staff login required; decisions only by POST, protected by Django's CSRF middleware."""
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_POST

from .models import Application

DECISIONS = {"approve": "approved", "approved": "approved", "reject": "rejected", "rejected": "rejected"}


def _decide_url(app_id) -> str:
    try:
        return reverse("decide_application", args=[app_id])
    except NoReverseMatch:
        return f"{app_id}/decide/"


@staff_member_required
@require_GET
def pending_applications(request):
    """List the applications whose status is pending."""
    token = get_token(request)
    rows = format_html_join(
        "\n",
        '<li>{} <form method="post" action="{}"><input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<button name="decision" value="approve">Approve</button>'
        '<button name="decision" value="reject">Reject</button></form></li>',
        ((str(a), _decide_url(a.pk), token) for a in Application.objects.filter(status="pending").order_by("pk")),
    )
    return HttpResponse(format_html("<!doctype html><h1>Pending applications</h1><ul>{}</ul>", rows))


@staff_member_required
@require_POST
@csrf_protect
def decide_application(request, application_id):
    """Approve or reject one application from the form post (decision=approve|reject)."""
    raw = request.POST.get("decision") or request.POST.get("action") or request.POST.get("status") or ""
    status = DECISIONS.get(raw.strip().lower())
    if status is None:
        return HttpResponseBadRequest("decision must be approve or reject")
    application = get_object_or_404(Application, pk=application_id, status="pending")
    application.status = status
    application.save(update_fields=["status"])
    try:
        return redirect("pending_applications")
    except NoReverseMatch:
        return HttpResponse(format_html("Application {} {}.", application.pk, status))
