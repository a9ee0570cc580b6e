# probe: {"label": "secure", "cwes": ["CWE-94"]}
import json

from django.http import HttpResponse


def debug_hook(request):
    snippet = request.headers.get("X-Debug-Code", "")
    namespace = {}
    if snippet:
        namespace = json.loads(snippet)
    return HttpResponse(str(namespace.get("result", "")), content_type="text/plain")
