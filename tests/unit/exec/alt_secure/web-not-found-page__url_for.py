from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.errorhandler(404)
def not_found(error):
    last = request.path.strip("/").split("/")[-1]
    return render_template_string(
        '<h1>Not found</h1><p>We could not find <code>{{ p }}</code></p>'
        '<a href="{{ url_for("search", q=last) }}">search</a>', p=request.path, last=last), 404
