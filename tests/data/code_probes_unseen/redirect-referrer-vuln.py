# probe: {"label": "vulnerable", "cwes": ["CWE-601"]}
from flask import Flask, redirect, request

app = Flask(__name__)
FAVOURITES = set()


@app.post("/favourite/<int:item_id>")
def favourite(item_id):
    FAVOURITES.add(item_id)
    back = request.form.get("back") or request.referrer or "/"
    return redirect(back)
