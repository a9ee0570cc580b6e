# redline-label: {"label": "secure", "cwes": ["CWE-611"], "task": null, "category": "deserialization", "style": "flask-app"}
from defusedxml import ElementTree as ET
from defusedxml.common import DefusedXmlException
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/edi/orders")
def receive_order():
    """Parse a supplier's order XML: <order><reference>..</reference><line sku=".." qty=".."/>...</order>"""
    try:
        root = ET.fromstring(request.get_data())
    except (ET.ParseError, DefusedXmlException):
        return jsonify(error="invalid or unsafe XML"), 400
    lines = [{"sku": el.get("sku"), "qty": int(el.get("qty", "0"))} for el in root.iter("line")]
    return jsonify(reference=(root.findtext("reference") or "").strip(), lines=lines)
