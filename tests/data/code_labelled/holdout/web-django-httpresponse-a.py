# redline-label: {"label": "vulnerable", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "django-view"}
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .models import Event


def event_badge(request, event_id):
    """Embeddable HTML badge: <iframe src="/events/12/badge?ref=homepage">."""
    event = get_object_or_404(Event, pk=event_id, published=True)
    ref = request.GET.get("ref", "")
    html = (
        "<div class='badge'>"
        f"<strong>{event.title}</strong><br>"
        f"{event.starts_at:%d %b %Y} &middot; {event.city}<br>"
        f"<a href='/events/{event.pk}/?ref={ref}'>Register</a>"
        "</div>"
    )
    return HttpResponse(html)
