# redline-label: {"label": "secure", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "django-view"}
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import format_html

from .models import Event


def event_badge(request, event_id):
    """Embeddable HTML badge: <iframe src="/events/12/badge?ref=homepage">."""
    event = get_object_or_404(Event, pk=event_id, published=True)
    ref = request.GET.get("ref", "")[:64]
    link = f"/events/{event.pk}/?{urlencode({'ref': ref})}"
    html = format_html(
        "<div class='badge'><strong>{}</strong><br>{} &middot; {}<br><a href='{}'>Register</a></div>",
        event.title,
        event.starts_at.strftime("%d %b %Y"),
        event.city,
        link,
    )
    return HttpResponse(html)
