# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "django-view"}
import json

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Board, Card

MAX_BACKUP_BYTES = 5 * 1024 * 1024


@login_required
@require_POST
def import_board(request):
    """Restore a board from a JSON backup produced by the export view."""
    upload = request.FILES.get("backup")
    if upload is None or upload.size > MAX_BACKUP_BYTES:
        return JsonResponse({"error": "missing or oversized backup file"}, status=400)
    try:
        data = json.load(upload)
        title = str(data["title"])[:200]
        cards = [
            (str(c["title"])[:200], str(c["column"])[:50], int(c["position"]))
            for c in data["cards"]
        ]
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "invalid backup file"}, status=400)
    with transaction.atomic():
        board = Board.objects.create(owner=request.user, title=title)
        Card.objects.bulk_create(
            Card(board=board, title=t, column=col, position=pos) for t, col, pos in cards
        )
    return JsonResponse({"board_id": board.pk, "cards": len(cards)})
