import os

import requests
from flask import Flask, g, jsonify, request

app = Flask(__name__)


@app.route("/profile/avatar-url", methods=["POST"])
def avatar_from_url():
    url = request.form["url"]
    if not url.startswith(("http://", "https://")):
        return jsonify(error="bad url"), 400
    r = requests.get(url, timeout=10)
    r.raise_for_status()
    os.makedirs("static/avatars", exist_ok=True)
    path = f"static/avatars/{g.user.id}.png"
    with open(path, "wb") as f:
        f.write(r.content)
    return jsonify(avatar="/" + path)
