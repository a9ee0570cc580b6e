# probe: {"label": "secure", "cwes": ["CWE-501"]}
from django.http import JsonResponse
from django.views.decorators.http import require_POST
import json

SORTS = {"price", "rating", "newest"}


@require_POST
def save_filters(request):
    filters = json.loads(request.body)
    sort = filters.get("sort")
    if sort not in SORTS:
        return JsonResponse({"error": "bad sort"}, status=400)
    request.session["sort"] = sort
    return JsonResponse({"saved": True})
