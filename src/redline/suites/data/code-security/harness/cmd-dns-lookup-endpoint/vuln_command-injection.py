import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/tools/lookup")
def lookup():
    domain = request.args.get("domain", "")
    out = subprocess.check_output(f"nslookup {domain}", shell=True, stderr=subprocess.STDOUT, text=True)
    return out, 200, {"Content-Type": "text/plain; charset=utf-8"}
