# probe: {"label": "secure", "cwes": ["CWE-611"]}
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


def make_parser():
    return etree.XMLParser(resolve_entities=False, no_network=True)


@app.post("/soap")
def soap():
    doc = etree.fromstring(request.data, parser=make_parser())
    action = doc.find(".//{*}Body/*")
    return {"action": action.tag if action is not None else None}
