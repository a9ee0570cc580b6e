# probe: {"label": "vulnerable", "cwes": ["CWE-611"]}
from xml.dom import minidom
from xml.sax import make_parser
from xml.sax.handler import feature_external_ges

from flask import Flask, request

app = Flask(__name__)


@app.route("/svg/info", methods=["POST"])
def svg_info():
    parser = make_parser()
    parser.setFeature(feature_external_ges, True)
    doc = minidom.parseString(request.get_data(), parser=parser)
    svg = doc.documentElement
    return {"width": svg.getAttribute("width"), "height": svg.getAttribute("height")}
