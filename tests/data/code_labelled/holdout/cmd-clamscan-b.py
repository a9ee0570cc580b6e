# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "django-view"}
import subprocess
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .models import Attachment

SCAN_STATUS = {0: "clean", 1: "infected"}


@login_required
@require_POST
def scan_attachment(request, attachment_id):
    """Run ClamAV on a stored attachment and record the result."""
    att = get_object_or_404(Attachment, pk=attachment_id, owner=request.user)
    path = Path(settings.MEDIA_ROOT, att.file.name).resolve()
    proc = subprocess.run(
        ["clamscan", "--no-summary", "--", str(path)],
        capture_output=True,
        timeout=120,
    )
    att.scan_status = SCAN_STATUS.get(proc.returncode, "error")
    att.save(update_fields=["scan_status"])
    return JsonResponse({"id": att.pk, "status": att.scan_status})
