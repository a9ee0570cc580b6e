# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "django-view"}
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import JsonResponse
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)
User = get_user_model()


@require_POST
def request_password_reset(request):
    email = request.POST.get("email", "").strip()
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is not None:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        link = request.build_absolute_uri(reverse("password-reset-confirm", args=[uid, token]))
        logger.info("password reset requested for %s, link %s", email, link)
        send_mail("Reset your password", f"Use this link to choose a new password:\n{link}", None, [user.email])
    return JsonResponse({"detail": "If the address is registered you will receive an email."})
