from django.contrib.auth.decorators import login_required, user_passes_test
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from .models import Application


def is_staff(user):
    return user.is_active and user.is_staff


@login_required
@user_passes_test(is_staff)
def pending_applications(request):
    """List the applications whose status is pending."""
    return render(request, "applications/pending.html",
                  {"applications": Application.objects.filter(status=Application.Status.PENDING)})


@login_required
@user_passes_test(is_staff)
def review_application(request, pk):
    if request.method != "POST":
        return HttpResponse(status=405)
    application = get_object_or_404(Application, pk=pk)
    decision = request.POST.get("decision")
    if decision == "approve":
        application.status = Application.Status.APPROVED
    elif decision == "reject":
        application.status = Application.Status.REJECTED
    else:
        return HttpResponse("bad decision", status=400)
    application.save()
    return redirect("staff:pending")
