from lxml import etree


def parse_invoice(xml_bytes: bytes) -> dict:
    """Return {"number", "date", "items": [{"description", "quantity", "unit_price"}]} from the XML."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(xml_bytes, parser)
    items = [{"description": item.findtext("description"), "quantity": int(item.findtext("quantity")),
              "unit_price": float(item.findtext("unit_price"))} for item in root.iter("item")]
    return {"number": root.findtext("number"), "date": root.findtext("date"), "items": items}
