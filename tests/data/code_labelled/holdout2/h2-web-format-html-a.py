# redline-label: {"label": "secure", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "django-view"}
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import format_html, format_html_join

from .models import Team


def team_badge(request, slug):
    """Embeddable HTML badge listing a team's members (shown on members' personal sites)."""
    team = get_object_or_404(Team, slug=slug)
    members = format_html_join(
        "",
        '<li><a href="{}">{}</a> &ndash; {}</li>',
        ((m.get_absolute_url(), m.display_name, m.role_title) for m in team.members.all()),
    )
    html = format_html(
        '<div class="team-badge"><h3>{}</h3><p>{}</p><ul>{}</ul></div>',
        team.name,
        team.tagline,
        members,
    )
    response = HttpResponse(html)
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'self'"
    return response
