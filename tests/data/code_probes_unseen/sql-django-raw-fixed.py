# probe: {"label": "secure", "cwes": ["CWE-89"]}
from django.db import models
from django.http import JsonResponse


class Employee(models.Model):
    name = models.CharField(max_length=80)
    department = models.CharField(max_length=40)


def by_department(request):
    dept = request.GET.get("dept", "")
    people = Employee.objects.raw("SELECT * FROM app_employee WHERE department = %s", [dept])
    return JsonResponse({"names": [p.name for p in people]})
