# redline-label: {"label": "vulnerable", "cwes": ["CWE-79"], "task": null, "category": "web-output", "style": "flask-app"}
from flask import Flask, request

app = Flask(__name__)


@app.route("/")
def index():
    return """
    <form action="/hello">
      <label>Your name <input name="name"></label>
      <button>Say hello</button>
    </form>
    """


@app.route("/hello")
def hello():
    name = request.args.get("name", "stranger")
    visits = request.cookies.get("visits", "0")
    return f"""
    <!doctype html>
    <html>
      <head><title>Hello</title></head>
      <body>
        <h1>Hello, {name}!</h1>
        <p>You have visited {visits} times.</p>
        <a href="/">Back</a>
      </body>
    </html>
    """


if __name__ == "__main__":
    app.run()
