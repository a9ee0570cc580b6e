import secrets

from flask import Flask, abort, g, redirect, request, session

app = Flask(__name__)


@app.route("/settings", methods=["GET", "POST"])
def settings():
    if request.method == "POST":
        if request.form.get("token") != session.get("token"):
            abort(403)
        g.user.email = request.form["email"]
        g.user.newsletter = bool(request.form.get("newsletter"))
        g.user.save()
        return redirect("/settings")
    session["token"] = secrets.token_hex(16)
    checked = "checked" if g.user.newsletter else ""
    return (f'<form method="post"><input type="hidden" name="token" value="{session["token"]}">'
            f'<input name="email" value="{g.user.email}"><input type="checkbox" name="newsletter" {checked}>'
            '<button>Save</button></form>')
