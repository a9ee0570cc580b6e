# probe: {"label": "vulnerable", "cwes": ["CWE-643"]}
import re

from flask import Flask, request
from lxml import etree

app = Flask(__name__)
ID_PATTERN = re.compile(r"[A-Z]{2}\d{4}")


def lookup(tree, flight):
    expr = "//flight[@id='{}']/gate".format(flight)
    return [g.text for g in tree.xpath(expr)]


@app.route("/gate")
def gate():
    flight = request.args.get("flight", "")
    if ID_PATTERN.search(flight) is None:
        return {"error": "bad id"}, 400
    tree = etree.parse("flights.xml")
    return {"gates": lookup(tree, flight)}
