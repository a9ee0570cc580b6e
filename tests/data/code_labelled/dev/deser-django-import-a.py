# redline-label: {"label": "vulnerable", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "django-view"}
import pickle

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Board, Card


@login_required
@require_POST
def import_board(request):
    """Restore a board from a backup file produced by the export view."""
    upload = request.FILES.get("backup")
    if upload is None:
        return JsonResponse({"error": "no backup file"}, status=400)
    data = pickle.load(upload)
    with transaction.atomic():
        board = Board.objects.create(owner=request.user, title=data["title"])
        for c in data["cards"]:
            Card.objects.create(board=board, title=c["title"], column=c["column"], position=c["position"])
    return JsonResponse({"board_id": board.pk, "cards": len(data["cards"])})
