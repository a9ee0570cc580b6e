# probe: {"label": "vulnerable", "cwes": ["CWE-611"]}
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree


@require_POST
def upload_invoice(request):
    upload = request.FILES["invoice"]
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
    tree = etree.parse(upload, parser=parser)
    total = tree.findtext(".//total")
    return JsonResponse({"total": total})
