# redline-label: {"label": "secure", "cwes": ["CWE-489", "CWE-215"], "task": null, "category": "secrets-config", "style": "flask-app"}
import os

from flask import Flask, jsonify

from .inventory import bp as inventory_bp


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_prefixed_env()  # FLASK_SECRET_KEY, FLASK_SQLALCHEMY_DATABASE_URI, ...
    app.register_blueprint(inventory_bp, url_prefix="/inventory")

    @app.get("/healthz")
    def healthz():
        return jsonify(status="ok")

    return app


if __name__ == "__main__":
    # debugger only when explicitly requested on a developer machine
    debug = os.environ.get("APP_DEBUG", "0") == "1"
    create_app().run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")), debug=debug)
