# redline-label: {"label": "vulnerable", "cwes": ["CWE-330"], "task": null, "category": "crypto-random", "style": "django-view"}
import uuid
from datetime import timedelta

from django.core.mail import send_mail
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import Account, EmailVerification


@require_POST
def send_verification(request):
    """Email a one-time verification link to the address on the account."""
    account = Account.objects.get(user=request.user)
    token = uuid.uuid1().hex
    EmailVerification.objects.create(
        account=account,
        token=token,
        expires_at=timezone.now() + timedelta(hours=24),
    )
    link = request.build_absolute_uri(reverse("verify-email", args=[token]))
    send_mail("Confirm your email address", f"Click to confirm: {link}", None, [account.email])
    return JsonResponse({"sent": True})
