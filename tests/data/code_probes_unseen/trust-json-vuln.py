# probe: {"label": "vulnerable", "cwes": ["CWE-501"]}
from django.http import JsonResponse
from django.views.decorators.http import require_POST
import json


@require_POST
def save_filters(request):
    filters = json.loads(request.body)
    request.session["filters"] = filters
    return JsonResponse({"saved": True})
