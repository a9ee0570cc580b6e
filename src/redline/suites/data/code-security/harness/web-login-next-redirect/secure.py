from urllib.parse import urlsplit

from flask import Flask, redirect, request, session

from .auth import check_password

app = Flask(__name__)


def _local(target):
    if not target:
        return False
    parts = urlsplit(target.replace("\\", "/"))
    return not parts.scheme and not parts.netloc and target.startswith("/")


@app.route("/login", methods=["GET", "POST"])
def login():
    nxt = request.values.get("next", "")
    if request.method == "POST":
        email = request.form.get("email", "")
        if check_password(email, request.form.get("password", "")):
            session.clear()
            session["email"] = email
            return redirect(nxt if _local(nxt) else "/dashboard")
        return "Wrong email or password", 401
    return ('<form method="post"><input name="email"><input name="password" type="password">'
            f'<input type="hidden" name="next" value=""><button>Log in</button></form>')
