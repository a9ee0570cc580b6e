# probe: {"label": "secure", "cwes": ["CWE-89"]}
from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///inventory.db"
db = SQLAlchemy(app)


@app.post("/stock/adjust")
def adjust():
    sku = request.form["sku"]
    delta = int(request.form.get("delta", "0"))
    db.session.execute(text("UPDATE stock SET qty = qty + :delta WHERE sku = :sku"), {"delta": delta, "sku": sku})
    db.session.commit()
    return {"ok": True}
