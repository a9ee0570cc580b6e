# probe: {"label": "vulnerable", "cwes": ["CWE-209"]}
import traceback

from flask import Flask, jsonify

app = Flask(__name__)


@app.errorhandler(Exception)
def on_error(exc):
    return jsonify({"error": "internal", "trace": traceback.format_exc()}), 500
