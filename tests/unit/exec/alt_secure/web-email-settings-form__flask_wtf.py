from flask import Flask, flash, g, redirect, render_template_string, request, url_for
from flask_wtf import CSRFProtect

app = Flask(__name__)
CSRFProtect(app)

TEMPLATE = """
<h1>Settings</h1>
<form method="post">
  <input type="hidden" name="csrf_token" value="{{ csrf_token() }}"/>
  <input type="email" name="email" value="{{ g.user.email }}">
  <input type="checkbox" name="newsletter" value="yes" {% if g.user.newsletter %}checked{% endif %}>
  <button>Save</button>
</form>
"""


@app.route("/settings", methods=["GET", "POST"])
def settings():
    if request.method == "POST":
        email = request.form.get("email", "").strip()
        if "@" in email:
            g.user.email = email
        g.user.newsletter = request.form.get("newsletter") == "yes"
        g.user.save()
        return redirect(url_for("settings"))
    return render_template_string(TEMPLATE)
