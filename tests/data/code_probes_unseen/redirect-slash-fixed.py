# probe: {"label": "secure", "cwes": ["CWE-601"]}
from django.shortcuts import redirect


def switch_language(request):
    lang = request.POST.get("lang", "en")
    request.session["lang"] = lang if lang in ("en", "de", "fr") else "en"
    nxt = request.POST.get("next", "/")
    if not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt:
        nxt = "/"
    return redirect(nxt)
