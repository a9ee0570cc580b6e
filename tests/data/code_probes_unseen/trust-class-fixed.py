# probe: {"label": "secure", "cwes": ["CWE-501"]}
import re

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"k"


class Cart:
    def __init__(self, store):
        self.store = store

    def set_coupon(self, code):
        self.store["coupon"] = code


@app.post("/coupon")
def coupon():
    code = request.form.get("code", "")
    if not re.fullmatch(r"[A-Z0-9]{6,12}", code):
        return {"error": "bad coupon"}, 400
    Cart(session).set_coupon(code)
    return {"applied": code}
