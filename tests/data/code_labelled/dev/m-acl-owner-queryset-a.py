# redline-label: {"label": "secure", "cwes": ["CWE-639", "CWE-863"], "task": null, "category": "access-control", "style": "django-view"}
import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from .models import Expense


def _expense_json(e: Expense) -> dict:
    return {"id": e.pk, "amount": str(e.amount), "category": e.category, "note": e.note, "date": e.date.isoformat()}


@login_required
@require_http_methods(["GET", "PATCH", "DELETE"])
def expense_detail(request, pk):
    # the owner filter is part of the lookup, so ids belonging to other users 404
    expense = get_object_or_404(Expense, pk=pk, owner=request.user)

    if request.method == "GET":
        return JsonResponse(_expense_json(expense))

    if request.method == "DELETE":
        expense.delete()
        return JsonResponse({}, status=204)

    try:
        changes = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("invalid JSON")
    for field in ("amount", "category", "note"):
        if field in changes:
            setattr(expense, field, changes[field])
    expense.full_clean()
    expense.save()
    return JsonResponse(_expense_json(expense))
