# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
from django.http import JsonResponse

from .models import Article


def search(request):
    author = request.GET.get("author", "")
    qs = Article.objects.extra(where=[f"author_name = '{author}'"]).order_by("-published")
    return JsonResponse({"titles": list(qs.values_list("title", flat=True)[:20])})
