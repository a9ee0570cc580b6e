# redline-label: {"label": "vulnerable", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "django-view"}
import os

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Attachment


@require_POST
def scan_attachment(request, attachment_id):
    """Run ClamAV on a stored attachment and record the result."""
    att = Attachment.objects.get(pk=attachment_id, owner=request.user)
    path = os.path.join(settings.MEDIA_ROOT, att.file.name)
    extra = request.POST.get("options", "--no-summary")
    exit_code = os.system("clamscan %s '%s' > /dev/null 2>&1" % (extra, path))
    # clamscan: 0 = clean, 1 = virus found, 2 = error
    att.scan_status = {0: "clean", 1: "infected"}.get(os.waitstatus_to_exitcode(exit_code), "error")
    att.save(update_fields=["scan_status"])
    return JsonResponse({"id": att.pk, "status": att.scan_status})
