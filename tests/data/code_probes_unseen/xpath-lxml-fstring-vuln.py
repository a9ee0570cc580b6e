# probe: {"label": "vulnerable", "cwes": ["CWE-643"]}
from flask import Flask, abort, request
from lxml import etree

app = Flask(__name__)
USERS = etree.parse("users.xml")


@app.route("/login", methods=["POST"])
def login():
    name = request.form["username"]
    pin = request.form["pin"]
    matches = USERS.xpath(f"//user[name/text()='{name}' and pin/text()='{pin}']")
    if not matches:
        abort(401)
    return {"welcome": matches[0].findtext("display")}
