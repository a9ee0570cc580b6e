# probe: {"label": "vulnerable", "cwes": ["CWE-601"]}
from django.shortcuts import redirect


def switch_language(request):
    lang = request.POST.get("lang", "en")
    request.session["lang"] = lang if lang in ("en", "de", "fr") else "en"
    return redirect(request.POST.get("next", "/"))
