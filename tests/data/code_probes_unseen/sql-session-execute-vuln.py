# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///inventory.db"
db = SQLAlchemy(app)


def build_filter(field, value):
    return "%s = '%s'" % (field, value)


@app.post("/stock/adjust")
def adjust():
    sku = request.form["sku"]
    delta = int(request.form.get("delta", "0"))
    where = build_filter("sku", sku)
    db.session.execute(text(f"UPDATE stock SET qty = qty + {delta} WHERE {where}"))
    db.session.commit()
    return {"ok": True}
