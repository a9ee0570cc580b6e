# probe: {"label": "secure", "cwes": ["CWE-643"]}
from django.http import JsonResponse
from lxml import etree

CATALOG = etree.parse("catalog.xml").getroot()
FINDER = etree.XPath("/catalog/product[@sku=$sku]/price/text()")


def product_price(request):
    sku = request.GET.get("sku", "")
    prices = FINDER(CATALOG, sku=sku)
    return JsonResponse({"price": prices[0] if prices else None})
