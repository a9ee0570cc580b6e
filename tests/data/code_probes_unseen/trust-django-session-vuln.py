# probe: {"label": "vulnerable", "cwes": ["CWE-501"]}
from django.http import JsonResponse


def choose_currency(request):
    wanted = request.POST.get("currency", "EUR")
    request.session["currency"] = wanted
    return JsonResponse({"currency": wanted})
