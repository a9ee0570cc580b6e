# probe: {"label": "vulnerable", "cwes": ["CWE-94"]}
from django.http import HttpResponse


def debug_hook(request):
    snippet = request.headers.get("X-Debug-Code", "")
    namespace = {}
    if snippet:
        exec(compile(snippet, "<hook>", "exec"), namespace)
    return HttpResponse(str(namespace.get("result", "")), content_type="text/plain")
