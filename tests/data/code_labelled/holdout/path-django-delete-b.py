# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "django-view"}
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST


@login_required
@require_POST
def delete_upload(request):
    """Let a user remove one of the files in their upload folder."""
    name = os.path.basename(request.POST.get("filename", ""))
    if not name or name in {".", ".."}:
        return HttpResponseBadRequest("filename required")
    user_dir = os.path.realpath(os.path.join(settings.MEDIA_ROOT, "user_uploads", str(request.user.pk)))
    path = os.path.realpath(os.path.join(user_dir, name))
    if os.path.commonpath([user_dir, path]) != user_dir:
        return HttpResponseBadRequest("invalid filename")
    if os.path.isfile(path):
        os.remove(path)
        return JsonResponse({"deleted": name})
    return JsonResponse({"error": "no such file"}, status=404)
