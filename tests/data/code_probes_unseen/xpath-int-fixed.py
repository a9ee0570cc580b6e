# probe: {"label": "secure", "cwes": ["CWE-643"]}
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("orders.xml")


@app.get("/order")
def order():
    number = int(request.args.get("n", "0"))
    found = TREE.xpath("//order[@number=%d]/status/text()" % number)
    return {"status": found[0] if found else "unknown"}
