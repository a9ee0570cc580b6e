# probe: {"label": "vulnerable", "cwes": ["CWE-1004"]}
from django.contrib.auth import authenticate
from django.core import signing
from django.http import HttpResponse, HttpResponseForbidden


def sign_in(request):
    user = authenticate(request, username=request.POST.get("u"), password=request.POST.get("p"))
    if user is None:
        return HttpResponseForbidden("no")
    response = HttpResponse("signed in")
    response.set_cookie("auth", signing.dumps({"uid": user.pk}), secure=True, httponly=False, samesite="Strict")
    return response
