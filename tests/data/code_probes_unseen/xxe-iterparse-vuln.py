# probe: {"label": "vulnerable", "cwes": ["CWE-611"]}
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/catalog/import")
def import_catalog():
    upload = request.files["catalog"]
    names = []
    for _, elem in etree.iterparse(upload.stream, events=("end",), tag="item", resolve_entities=True,
                                   load_dtd=True):
        names.append(elem.get("name"))
        elem.clear()
    return {"count": len(names)}
