from flask import Flask, g, redirect, render_template_string, request, url_for

app = Flask(__name__)

PAGE = """<form method="post"><input name="email" value="{{ email }}">
<input type="checkbox" name="newsletter" {{ 'checked' if newsletter else '' }}><input type="submit"></form>"""


@app.route("/settings", methods=["GET", "POST"])
def settings():
    if request.method == "POST":
        g.user.email = request.form["email"]
        g.user.newsletter = "newsletter" in request.form
        g.user.save()
        return redirect(url_for("settings"))
    return render_template_string(PAGE, email=g.user.email, newsletter=g.user.newsletter)
