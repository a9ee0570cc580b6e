# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "flask-app"}
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

    query = f"SELECT id, name, email, city FROM users WHERE name LIKE '%{name}%'"
    if city:
        query += f" AND city = '{city}'"
    query += " ORDER BY name LIMIT 50"

    try:
        rows = get_db().execute(query).fetchall()
    except sqlite3.Error as exc:
        return jsonify(error=str(exc)), 400
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run()
