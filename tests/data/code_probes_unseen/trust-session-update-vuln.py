# probe: {"label": "vulnerable", "cwes": ["CWE-501"]}
from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"k"


@app.post("/wizard/step")
def wizard_step():
    data = request.get_json() or {}
    step = {"shipping": data.get("shipping"), "notes": data.get("notes")}
    session.update(step)
    return {"next": "/wizard/confirm"}
