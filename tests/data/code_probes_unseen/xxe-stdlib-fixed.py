# probe: {"label": "secure", "cwes": ["CWE-611"]}
import xml.etree.ElementTree as ET

from flask import Flask, request

app = Flask(__name__)


@app.post("/rss/validate")
def validate_rss():
    root = ET.fromstring(request.get_data())
    return {"items": len(root.findall(".//item"))}
