# probe: {"label": "secure", "cwes": ["CWE-643"]}
import xml.etree.ElementTree as ET

from flask import Flask, request

app = Flask(__name__)


def load_library():
    return ET.parse("library.xml").getroot()


@app.get("/books/by-genre")
def by_genre():
    genre = request.args.get("genre", "fiction")
    root = load_library()
    books = [b for b in root.iter("book") if b.get("genre") == genre]
    return {"titles": [b.findtext("title") for b in books]}
