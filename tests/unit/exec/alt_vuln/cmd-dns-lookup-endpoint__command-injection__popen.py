import subprocess

from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/tools/lookup")
def lookup():
    domain = request.args.get("domain", "example.com")
    proc = subprocess.Popen("nslookup " + domain, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out, _ = proc.communicate(timeout=15)
    return Response(out, mimetype="text/plain")
