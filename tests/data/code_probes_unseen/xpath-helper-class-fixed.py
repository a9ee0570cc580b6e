# probe: {"label": "secure", "cwes": ["CWE-643"]}
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


class Directory:
    def __init__(self, path):
        self.tree = etree.parse(path)

    def email_of(self, uid):
        hits = self.tree.xpath("//person[@uid=$uid]/email/text()", uid=uid)
        return hits[0] if hits else None


@app.route("/email")
def email():
    directory = Directory("people.xml")
    return {"email": directory.email_of(request.args["uid"])}
