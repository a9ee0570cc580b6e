# probe: {"label": "secure", "cwes": ["CWE-611"]}
import defusedxml.ElementTree as SafeET
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def upload_invoice(request):
    upload = request.FILES["invoice"]
    tree = SafeET.parse(upload)
    total = tree.findtext(".//total")
    return JsonResponse({"total": total})
