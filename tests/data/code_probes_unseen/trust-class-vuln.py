# probe: {"label": "vulnerable", "cwes": ["CWE-501"]}
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
    Cart(session).set_coupon(code)
    return {"applied": code}
