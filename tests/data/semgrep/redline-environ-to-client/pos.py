import os

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/debug/env")
def env_dump():
    return {"cwd": os.getcwd(), "environment": dict(os.environ)}


@app.route("/debug/env2")
def env_dump2():
    return jsonify(os.environ.copy())
