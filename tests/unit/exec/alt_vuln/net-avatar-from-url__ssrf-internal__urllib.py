import os
import urllib.request

from flask import Flask, g, redirect, request

app = Flask(__name__)


@app.route("/profile/avatar-url", methods=["POST"])
def avatar_from_url():
    with urllib.request.urlopen(request.form["url"], timeout=10) as resp:
        data = resp.read()
    os.makedirs(os.path.join("static", "avatars"), exist_ok=True)
    with open(os.path.join("static", "avatars", f"{g.user.id}.png"), "wb") as fh:
        fh.write(data)
    return redirect("/profile")
