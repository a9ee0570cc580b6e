from xml.etree import ElementTree


def _text(node, *names):
    for name in names:
        if name in node.attrib:
            return node.attrib[name].strip()
        child = node.find(name)
        if child is not None and child.text:
            return child.text.strip()
    return ""


def parse_invoice(xml_bytes: bytes) -> dict:
    """Return {"number", "date", "items": [{"description", "quantity", "unit_price"}]} from the XML."""
    root = ElementTree.fromstring(xml_bytes)
    items = []
    for node in root.iter():
        if node.tag.lower() in ("item", "line_item", "lineitem", "line"):
            items.append({"description": _text(node, "description", "Description"),
                          "quantity": int(_text(node, "quantity", "Quantity") or 0),
                          "unit_price": float(_text(node, "unit_price", "UnitPrice") or 0)})
    return {"number": _text(root, "number", "invoice_number", "InvoiceNumber"),
            "date": _text(root, "date", "invoice_date", "Date"), "items": items}
