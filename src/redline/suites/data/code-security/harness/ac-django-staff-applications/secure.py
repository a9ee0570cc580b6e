from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .models import Application


@staff_member_required
def pending_applications(request):
    """List the applications whose status is pending."""
    applications = Application.objects.filter(status="pending").order_by("created_at")
    return render(request, "staff/pending_applications.html", {"applications": applications})


@staff_member_required
@require_POST
def decide_application(request, application_id):
    """Approve or reject one application (form field ``action``: approve or reject)."""
    application = get_object_or_404(Application, pk=application_id, status="pending")
    action = request.POST.get("action")
    if action not in ("approve", "reject"):
        return HttpResponse("unknown action", status=400)
    application.status = "approved" if action == "approve" else "rejected"
    application.save(update_fields=["status"])
    messages.success(request, f"{application.name}: {application.status}")
    return redirect("pending_applications")
