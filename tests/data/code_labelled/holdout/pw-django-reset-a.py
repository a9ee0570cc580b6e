# redline-label: {"label": "secure", "cwes": ["CWE-256", "CWE-916"], "task": null, "category": "password-storage", "style": "django-view"}
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import validate_password
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

User = get_user_model()


class ChangePasswordForm(forms.Form):
    current_password = forms.CharField(widget=forms.PasswordInput)
    new_password = forms.CharField(widget=forms.PasswordInput)
    confirm_password = forms.CharField(widget=forms.PasswordInput)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_password") != cleaned.get("confirm_password"):
            raise forms.ValidationError("The two passwords do not match.")
        return cleaned


@login_required
@require_http_methods(["GET", "POST"])
def change_password(request):
    form = ChangePasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        if not user.check_password(form.cleaned_data["current_password"]):
            form.add_error("current_password", "Incorrect password.")
        else:
            try:
                validate_password(form.cleaned_data["new_password"], user)
            except forms.ValidationError as exc:
                form.add_error("new_password", exc)
            else:
                user.set_password(form.cleaned_data["new_password"])
                user.save(update_fields=["password"])
                update_session_auth_hash(request, user)
                messages.success(request, "Your password was updated.")
                return redirect("profile")
    return render(request, "accounts/change_password.html", {"form": form})
