# redline-label: {"label": "vulnerable", "cwes": ["CWE-611"], "task": null, "category": "deserialization", "style": "flask-app"}
import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

from flask import Flask, jsonify, request

app = Flask(__name__)


class OrderHandler(ContentHandler):
    """Collects <line sku=".." qty=".."/> elements from a supplier's order XML."""

    def __init__(self):
        super().__init__()
        self.lines = []
        self.reference = ""
        self._in_ref = False

    def startElement(self, name, attrs):
        if name == "line":
            self.lines.append({"sku": attrs.get("sku"), "qty": int(attrs.get("qty", "0"))})
        elif name == "reference":
            self._in_ref = True

    def endElement(self, name):
        if name == "reference":
            self._in_ref = False

    def characters(self, content):
        if self._in_ref:
            self.reference += content


@app.post("/edi/orders")
def receive_order():
    handler = OrderHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    # suppliers reference their shared entity file for product codes
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(request.get_data()))
    return jsonify(reference=handler.reference.strip(), lines=handler.lines)
