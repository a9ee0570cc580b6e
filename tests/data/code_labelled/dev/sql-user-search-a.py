# redline-label: {"label": "secure", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "flask-app"}
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
DB_PATH = "library.db"


def get_db():
    db = getattr(g, "_database", None)
    if db is None:
        db = g._database = sqlite3.connect(DB_PATH)
        db.row_factory = sqlite3.Row
    return db


@app.teardown_appcontext
def close_connection(exception):
    db = getattr(g, "_database", None)
    if db is not None:
        db.close()


@app.route("/users/search")
def search_users():
    """Search users by (partial) name and optional city."""
    name = request.args.get("name", "")
    city = request.args.get("city")

    query = "SELECT id, name, email, city FROM users WHERE name LIKE ?"
    params = [f"%{name}%"]
    if city:
        query += " AND city = ?"
        params.append(city)
    query += " ORDER BY name LIMIT 50"

    rows = get_db().execute(query, params).fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(debug=True)
