# probe: {"label": "secure", "cwes": ["CWE-611"]}
from defusedxml import minidom
from flask import Flask, request

app = Flask(__name__)


@app.route("/svg/info", methods=["POST"])
def svg_info():
    doc = minidom.parseString(request.get_data())
    svg = doc.documentElement
    return {"width": svg.getAttribute("width"), "height": svg.getAttribute("height")}
