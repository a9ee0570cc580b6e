# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "django-view"}
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from .models import Listing


@login_required
def nearby_listings(request):
    """Listings within `km` kilometres of (lat, lng), closest first."""
    lat = request.GET.get("lat", "0")
    lng = request.GET.get("lng", "0")
    km = request.GET.get("km", "5")
    distance = (
        f"6371 * acos(cos(radians({lat})) * cos(radians(latitude)) * cos(radians(longitude) - radians({lng}))"
        f" + sin(radians({lat})) * sin(radians(latitude)))"
    )
    qs = (
        Listing.objects.filter(active=True)
        .extra(select={"distance": distance}, where=[f"{distance} < {km}"])
        .order_by("distance")[:50]
    )
    return JsonResponse(
        {"results": [{"id": x.id, "title": x.title, "distance_km": round(x.distance, 2)} for x in qs]}
    )
