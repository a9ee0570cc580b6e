# redline-label: {"label": "secure", "cwes": ["CWE-352"], "task": null, "category": "web-output", "style": "flask-app"}
import os
from datetime import timedelta

from flask import Flask, flash, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFProtect

from bank import transfer_funds, accounts_for

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["SECRET_KEY"],
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
    PERMANENT_SESSION_LIFETIME=timedelta(minutes=20),
)
csrf = CSRFProtect(app)  # every POST form must carry {{ csrf_token() }}


@app.route("/transfer", methods=["GET", "POST"])
def transfer():
    uid = session.get("uid")
    if uid is None:
        return redirect(url_for("login"))
    if request.method == "POST":
        transfer_funds(
            from_account=request.form["from_account"],
            to_iban=request.form["to_iban"],
            amount_cents=int(round(float(request.form["amount"]) * 100)),
            owner_id=uid,
        )
        flash("Transfer scheduled.")
        return redirect(url_for("transfer"))
    return render_template("transfer.html", accounts=accounts_for(uid))


@app.get("/login")
def login():
    return render_template("login.html")
