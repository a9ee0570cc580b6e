# probe: {"label": "vulnerable", "cwes": ["CWE-611"]}
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/rss/validate")
def validate_rss():
    parser = etree.XMLParser(load_dtd=True, no_network=False)
    root = etree.fromstring(request.get_data(), parser)
    return {"items": len(root.findall(".//item"))}
