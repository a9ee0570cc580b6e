# probe: {"label": "vulnerable", "cwes": ["CWE-643"]}
from django.http import JsonResponse
from lxml import etree

CATALOG = etree.parse("catalog.xml").getroot()


def product_price(request):
    sku = request.GET.get("sku", "")
    finder = etree.XPath("/catalog/product[@sku='" + sku + "']/price/text()")
    prices = finder(CATALOG)
    return JsonResponse({"price": prices[0] if prices else None})
