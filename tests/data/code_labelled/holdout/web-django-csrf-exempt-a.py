# redline-label: {"label": "vulnerable", "cwes": ["CWE-352"], "task": null, "category": "web-output", "style": "django-view"}
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .forms import EmailChangeForm
from .models import Profile


@csrf_exempt  # the mobile app posts here too and doesn't have the CSRF cookie
@login_required
@require_http_methods(["GET", "POST"])
def change_email(request):
    profile = get_object_or_404(Profile, user=request.user)
    if request.method == "POST":
        form = EmailChangeForm(request.POST, instance=profile)
        if form.is_valid():
            form.save()
            if request.headers.get("Accept") == "application/json":
                return JsonResponse({"email": profile.email})
            return redirect("account-settings")
    else:
        form = EmailChangeForm(instance=profile)
    return render(request, "accounts/change_email.html", {"form": form})
