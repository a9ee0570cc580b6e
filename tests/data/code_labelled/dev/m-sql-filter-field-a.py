# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "flask-app"}
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
DATABASE = "crm.db"


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@app.get("/api/contacts")
def filter_contacts():
    """GET /api/contacts?field=city&value=Lyon -> contacts whose <field> equals <value>."""
    field = request.args.get("field", "email")
    value = request.args.get("value", "")
    rows = get_db().execute(
        f"SELECT id, name, email, city, company FROM contacts WHERE {field} = ? ORDER BY name LIMIT 100",
        (value,),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(debug=True)
