# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from django.http import HttpResponse


def greet(request):
    who = request.GET.get("who", "")
    return HttpResponse(f"<p>Greetings, {who}</p>")
