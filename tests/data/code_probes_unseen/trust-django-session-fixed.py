# probe: {"label": "secure", "cwes": ["CWE-501"]}
from django.http import JsonResponse

CURRENCIES = {"EUR", "USD", "GBP", "JPY"}


def choose_currency(request):
    wanted = request.POST.get("currency", "EUR")
    if wanted not in CURRENCIES:
        return JsonResponse({"error": "unsupported"}, status=400)
    request.session["currency"] = wanted
    return JsonResponse({"currency": wanted})
