# probe: {"label": "secure", "cwes": ["CWE-601"]}
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
FAVOURITES = set()


@app.post("/favourite/<int:item_id>")
def favourite(item_id):
    FAVOURITES.add(item_id)
    return redirect(url_for("item", item_id=item_id))


@app.get("/item/<int:item_id>")
def item(item_id):
    return {"id": item_id, "favourite": item_id in FAVOURITES}
