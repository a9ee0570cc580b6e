# probe: {"label": "vulnerable", "cwes": ["CWE-611"]}
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


def make_parser(strict):
    if strict:
        return etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLParser(resolve_entities=True)


@app.post("/soap")
def soap():
    doc = etree.fromstring(request.data, parser=make_parser(False))
    action = doc.find(".//{*}Body/*")
    return {"action": action.tag if action is not None else None}
