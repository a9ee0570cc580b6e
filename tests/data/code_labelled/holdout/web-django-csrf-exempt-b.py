# redline-label: {"label": "secure", "cwes": ["CWE-352"], "task": null, "category": "web-output", "style": "django-view"}
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from .forms import EmailChangeForm
from .models import Profile


# CsrfViewMiddleware is enabled project-wide; the template renders {% csrf_token %}
# and the mobile app sends the X-CSRFToken header obtained from /api/csrf/.
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
