# redline-label: {"label": "secure", "cwes": ["CWE-256", "CWE-916"], "task": null, "category": "password-storage", "style": "django-view"}
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

User = get_user_model()


class VolunteerSignupForm(forms.Form):
    username = forms.CharField(max_length=150)
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)
    password_again = forms.CharField(widget=forms.PasswordInput)

    def clean_username(self):
        name = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=name).exists():
            raise forms.ValidationError("That username is taken.")
        return name

    def clean(self):
        data = super().clean()
        if data.get("password") != data.get("password_again"):
            raise forms.ValidationError("Passwords do not match.")
        if data.get("password"):
            validate_password(data["password"])
        return data


@require_http_methods(["GET", "POST"])
def volunteer_signup(request):
    form = VolunteerSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User(username=form.cleaned_data["username"], email=form.cleaned_data["email"])
        user.set_password(form.cleaned_data["password"])  # PASSWORD_HASHERS (PBKDF2/argon2) with salt
        user.save()
        return redirect("volunteers:welcome")
    return render(request, "volunteers/signup.html", {"form": form})
