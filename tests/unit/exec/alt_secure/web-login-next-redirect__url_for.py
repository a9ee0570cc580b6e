from urllib.parse import urljoin, urlparse

from flask import Flask, redirect, render_template_string, request, session, url_for

from .auth import check_password

app = Flask(__name__)


def is_safe_url(target):
    ref = urlparse(request.host_url)
    test = urlparse(urljoin(request.host_url, target))
    return test.scheme in ("http", "https") and ref.netloc == test.netloc


@app.route("/login", methods=["GET", "POST"])
def login():
    next_page = request.form.get("next") or request.args.get("next")
    if request.method == "POST":
        email = request.form.get("email", "")
        password = request.form.get("password", "")
        if check_password(email, password):
            session["user"] = email
            if next_page and is_safe_url(next_page) and "\\" not in next_page:
                return redirect(next_page)
            return redirect(url_for("dashboard"))
        return render_template_string("<p>Invalid credentials</p>"), 401
    return render_template_string('<form method="post"><input name="email"><input name="password" type="password">'
                                  '<input type="hidden" name="next" value="{{ n }}"></form>', n=next_page or "")
