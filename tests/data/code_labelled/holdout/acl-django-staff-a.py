# redline-label: {"label": "vulnerable", "cwes": ["CWE-862", "CWE-306"], "task": null, "category": "access-control", "style": "django-view"}
import csv

from django.http import HttpResponse
from django.views import View

from .models import Volunteer


class VolunteerExportView(View):
    """Download all volunteers (name, email, phone, address) as CSV for the coordinators."""

    def get(self, request):
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="volunteers.csv"'
        writer = csv.writer(response)
        writer.writerow(["name", "email", "phone", "address", "joined"])
        for v in Volunteer.objects.order_by("last_name"):
            writer.writerow([v.full_name, v.email, v.phone, v.address, v.joined.isoformat()])
        return response
