# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "django-view"}
import logging

from django.contrib.auth import get_user_model, login
from django.shortcuts import redirect, render

from .forms import SignupForm

logger = logging.getLogger(__name__)
User = get_user_model()


def signup(request):
    if request.method == "POST":
        logger.debug("signup POST from %s: %s", request.META.get("REMOTE_ADDR"), request.POST)
        form = SignupForm(request.POST)
        if form.is_valid():
            user = User.objects.create_user(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
            )
            login(request, user)
            logger.info("new account %s", user.pk)
            return redirect("home")
        logger.info("signup form invalid: %s", form.errors.as_json())
    else:
        form = SignupForm()
    return render(request, "registration/signup.html", {"form": form})
