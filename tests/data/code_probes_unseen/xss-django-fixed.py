# probe: {"label": "secure", "cwes": ["CWE-79"]}
from django.http import HttpResponse
from django.utils.html import format_html


def greet(request):
    who = request.GET.get("who", "")
    return HttpResponse(format_html("<p>Greetings, {}</p>", who))
