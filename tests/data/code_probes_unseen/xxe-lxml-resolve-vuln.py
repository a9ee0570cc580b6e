# probe: {"label": "vulnerable", "cwes": ["CWE-611"]}
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_feed():
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(request.data, parser)
    entries = [e.findtext("title") for e in root.iter("entry")]
    return {"imported": len(entries), "titles": entries[:10]}
