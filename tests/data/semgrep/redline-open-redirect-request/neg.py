from flask import Flask, request, redirect, url_for
app = Flask(__name__)
@app.route("/go")
def go():
    return redirect(url_for("index"))
