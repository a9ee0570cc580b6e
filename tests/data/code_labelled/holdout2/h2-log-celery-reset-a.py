# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "function"}
from celery import shared_task
from celery.utils.log import get_task_logger
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from accounts.models import PasswordResetToken

logger = get_task_logger(__name__)


@shared_task(bind=True, max_retries=3, default_retry_delay=60)
def send_reset_email(self, token_id: int) -> None:
    """Send the password-reset e-mail for an already-created token row."""
    token = PasswordResetToken.objects.select_related("user").get(pk=token_id)
    link = settings.SITE_URL + reverse("accounts:reset-confirm", args=[token.value])
    try:
        send_mail(
            subject="Reset your password",
            message=f"Follow this link within one hour to choose a new password:\n\n{link}\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[token.user.email],
        )
    except OSError as exc:
        logger.warning("reset mail for user %s failed (attempt %s): %s", token.user_id, self.request.retries + 1, exc)
        raise self.retry(exc=exc)
    logger.info("reset mail sent to user %s (token id %s, expires %s)", token.user_id, token.pk, token.expires_at)
