# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "flask-app"}
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
DATABASE = "crm.db"

# query-string name -> column name; nothing else can reach the SQL text
FILTERABLE = {"email": "email", "city": "city", "company": "company", "name": "name"}


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
    column = FILTERABLE.get(request.args.get("field", "email"))
    if column is None:
        abort(400, description="unknown field")
    value = request.args.get("value", "")
    rows = get_db().execute(
        f"SELECT id, name, email, city, company FROM contacts WHERE {column} = ? ORDER BY name LIMIT 100",
        (value,),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(debug=True)
