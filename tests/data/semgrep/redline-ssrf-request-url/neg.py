import requests
from flask import Flask, request
app = Flask(__name__)
@app.route("/preview")
def preview():
    slug = request.args.get("slug")
    return requests.get("https://docs.example.com/pages", params={"slug": slug}, timeout=5).text
