# redline-label: {"label": "vulnerable", "cwes": ["CWE-256", "CWE-916"], "task": null, "category": "password-storage", "style": "django-view"}
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Member


@login_required
@require_POST
def change_password(request):
    """Update the member's password.

    Members are stored in our own table (not django.contrib.auth.User)
    because they come from the legacy CRM import.
    """
    member = Member.objects.get(user=request.user)
    current = request.POST.get("current_password", "")
    new = request.POST.get("new_password", "")
    confirm = request.POST.get("confirm_password", "")

    if member.password != current:
        return JsonResponse({"error": "Current password is incorrect"}, status=400)
    if new != confirm:
        return JsonResponse({"error": "Passwords do not match"}, status=400)
    if len(new) < 8:
        return JsonResponse({"error": "Password must be at least 8 characters"}, status=400)

    member.password = new
    member.save(update_fields=["password"])
    return JsonResponse({"status": "password updated"})
