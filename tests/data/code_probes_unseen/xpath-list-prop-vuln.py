# probe: {"label": "vulnerable", "cwes": ["CWE-643"]}
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/employee", methods=["GET", "POST"])
def employee():
    param = request.headers.get("X-Employee", "")
    items = ["alpha", param, "omega"]
    items.pop(0)
    who = items[0]
    doc = etree.parse("staff.xml")
    nodes = doc.xpath("/staff/employee[@login='" + who + "']/phone")
    return "".join(n.text or "" for n in nodes)
