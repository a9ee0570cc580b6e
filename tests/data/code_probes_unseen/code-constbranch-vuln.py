# probe: {"label": "vulnerable", "cwes": ["CWE-95"]}
from flask import Flask, request

app = Flask(__name__)


@app.route("/settings/apply", methods=["POST"])
def apply_setting():
    incoming = request.cookies.get("pref", "0")
    holder = {}
    holder["k1"] = "'default'"
    holder["k2"] = incoming
    mode = "expert" if len("abc") == 3 else "basic"
    picked = holder["k2"] if mode == "expert" else holder["k1"]
    value = eval(picked)
    return f"applied {value!r}"
