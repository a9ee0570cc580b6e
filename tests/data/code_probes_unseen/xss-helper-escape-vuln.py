# probe: {"label": "vulnerable", "cwes": ["CWE-79"]}
from django.http import HttpResponse
from django.views import View


class ProfileCard(View):
    def render_card(self, name, bio):
        return f"<section><h2>{name}</h2><p>{bio}</p></section>"

    def get(self, request):
        name = request.GET.get("name", "anonymous")
        bio = request.GET.get("bio", "")
        return HttpResponse(self.render_card(name, bio))
