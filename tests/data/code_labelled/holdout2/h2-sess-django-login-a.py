# redline-label: {"label": "secure", "cwes": ["CWE-384"], "task": null, "category": "session", "style": "django-view"}
from django.contrib.auth import authenticate, login
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods


@require_http_methods(["GET", "POST"])
def sign_in(request):
    """Sign-in page for the clinic booking system.

    Anonymous visitors may already have a session (language choice, a half-filled booking). Django's
    login() keeps that data but cycles the session key, so an id planted before login is useless after it.
    """
    error = None
    if request.method == "POST":
        user = authenticate(
            request,
            username=request.POST.get("username", ""),
            password=request.POST.get("password", ""),
        )
        if user is not None and user.is_active:
            login(request, user)
            return HttpResponseRedirect(reverse("booking:overview"))
        error = "Unknown username or wrong password."
    return render(request, "accounts/sign_in.html", {"error": error})
