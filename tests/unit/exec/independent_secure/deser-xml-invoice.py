# Independent secure reference for deser-xml-invoice.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Parse supplier invoices posted to our API as XML.

defusedxml refuses DTDs with entity declarations, external entities and entity expansion ("billion laughs"),
so a hostile invoice can neither read local files nor exhaust memory.
"""
from decimal import Decimal, InvalidOperation

from defusedxml import ElementTree as SafeET

MAX_BYTES = 5 * 1024 * 1024
_NUMBER_TAGS = ("number", "invoice_number", "invoiceNumber", "InvoiceNumber", "id", "invoice_id")
_DATE_TAGS = ("date", "invoice_date", "invoiceDate", "InvoiceDate", "issue_date", "issueDate")
_ITEM_TAGS = {"item", "line", "lineitem", "line_item", "invoiceline", "invoice_line"}
_DESC_TAGS = ("description", "desc", "name", "Description")
_QTY_TAGS = ("quantity", "qty", "Quantity")
_PRICE_TAGS = ("unit_price", "unitPrice", "UnitPrice", "price", "unitprice")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _field(element, names) -> str | None:
    for name in names:
        if name in element.attrib:
            return element.attrib[name].strip()
    wanted = {n.lower() for n in names}
    for child in element:
        if _local(child.tag).lower() in wanted:
            return (child.text or "").strip()
    return None


def _number(text: str | None):
    if text is None or text == "":
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    return int(value) if value == value.to_integral_value() and "." not in text else float(value)


def parse_invoice(xml_bytes: bytes) -> dict:
    """Return {"number", "date", "items": [{"description", "quantity", "unit_price"}]} from the XML."""
    if len(xml_bytes) > MAX_BYTES:
        raise ValueError("invoice too large")
    root = SafeET.fromstring(xml_bytes)
    invoice = root
    if _local(root.tag).lower() != "invoice":
        found = next((el for el in root.iter() if _local(el.tag).lower() == "invoice"), None)
        invoice = found if found is not None else root
    items = []
    for element in invoice.iter():
        if _local(element.tag).lower() in _ITEM_TAGS:
            items.append(
                {
                    "description": _field(element, _DESC_TAGS) or "",
                    "quantity": _number(_field(element, _QTY_TAGS)),
                    "unit_price": _number(_field(element, _PRICE_TAGS)),
                }
            )
    return {"number": _field(invoice, _NUMBER_TAGS), "date": _field(invoice, _DATE_TAGS), "items": items}
