# redline-label: {"label": "secure", "cwes": ["CWE-862", "CWE-306"], "task": null, "category": "access-control", "style": "django-view"}
import csv

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import HttpResponse
from django.views import View

from .models import Volunteer


class VolunteerExportView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """Download all volunteers as CSV; coordinators only."""

    permission_required = "volunteers.export_volunteer"
    raise_exception = True  # 403 instead of redirecting logged-in users without the permission

    def get(self, request):
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="volunteers.csv"'
        writer = csv.writer(response)
        writer.writerow(["name", "email", "phone", "address", "joined"])
        for v in Volunteer.objects.order_by("last_name"):
            writer.writerow([v.full_name, v.email, v.phone, v.address, v.joined.isoformat()])
        return response
