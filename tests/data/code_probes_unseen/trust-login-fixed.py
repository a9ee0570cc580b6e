# probe: {"label": "secure", "cwes": ["CWE-501"]}
from flask import Flask, request, session
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = b"k"
USERS = {}


@app.post("/login")
def login():
    record = USERS.get(request.form["email"])
    if record and check_password_hash(record["hash"], request.form["password"]):
        session.clear()
        session["user_id"] = record["id"]
        return {"ok": True}
    return {"ok": False}, 401
