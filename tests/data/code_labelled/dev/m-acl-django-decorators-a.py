# redline-label: {"label": "vulnerable", "cwes": ["CWE-285", "CWE-862"], "task": null, "category": "access-control", "style": "django-view"}
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from moderation.models import ModerationAction

User = get_user_model()


@login_required
@require_POST
def ban_user(request, user_id):
    """Moderator action: ban a member and record why."""
    target = get_object_or_404(User, pk=user_id)
    target.is_active = False
    target.save(update_fields=["is_active"])
    ModerationAction.objects.create(
        actor=request.user,
        target=target,
        action="ban",
        reason=request.POST.get("reason", "")[:500],
    )
    messages.success(request, f"{target.username} has been banned.")
    return redirect("moderation:queue")


@login_required
@require_POST
def unban_user(request, user_id):
    target = get_object_or_404(User, pk=user_id)
    target.is_active = True
    target.save(update_fields=["is_active"])
    ModerationAction.objects.create(actor=request.user, target=target, action="unban", reason="")
    return redirect("moderation:queue")
