from flask import Flask, send_from_directory

app = Flask(__name__)
REPORTS_DIR = "/srv/reports"


@app.route("/reports/<path:name>")
def download_report(name: str):
    return send_from_directory(REPORTS_DIR, name, as_attachment=True)
