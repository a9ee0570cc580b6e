# probe: {"label": "secure", "cwes": ["CWE-501"]}
from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"k"
SHIPPING = ("standard", "express")


@app.post("/wizard/step")
def wizard_step():
    data = request.get_json() or {}
    shipping = data.get("shipping")
    if shipping not in SHIPPING:
        shipping = "standard"
    session.update({"shipping": shipping})
    return {"next": "/wizard/confirm"}
