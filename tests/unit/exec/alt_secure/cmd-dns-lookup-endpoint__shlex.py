import re
import subprocess

from flask import Flask, abort, request

app = Flask(__name__)
HOSTNAME = re.compile(r"^[a-zA-Z0-9.-]{1,253}$")


@app.route("/tools/lookup")
def lookup():
    domain = request.args.get("domain", "")
    if not HOSTNAME.fullmatch(domain) or domain.startswith("-"):
        abort(400, "invalid domain")
    try:
        result = subprocess.run(["nslookup", domain], capture_output=True, text=True, timeout=10, check=False)
    except subprocess.TimeoutExpired:
        return "lookup timed out", 504, {"Content-Type": "text/plain"}
    return result.stdout or result.stderr, 200, {"Content-Type": "text/plain; charset=utf-8"}
