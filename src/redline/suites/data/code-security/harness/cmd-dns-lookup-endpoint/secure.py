import re
import subprocess

from flask import Flask, Response, request

app = Flask(__name__)
DOMAIN = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


@app.route("/tools/lookup")
def lookup():
    domain = request.args.get("domain", "").strip()
    if not DOMAIN.match(domain):
        return Response("invalid domain\n", status=400, mimetype="text/plain")
    proc = subprocess.run(["nslookup", "--", domain], capture_output=True, text=True, timeout=10)
    return Response(proc.stdout + proc.stderr, mimetype="text/plain")
