# Independent secure reference for cmd-dns-lookup-endpoint.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import re
import subprocess

from flask import Flask, Response, request

app = Flask(__name__)
# A DNS name: dot-separated labels of letters, digits and inner hyphens (no leading '-', so never an option).
_DOMAIN = re.compile(r"^(?=.{1,253}\.?$)(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.)*"
                     r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.?$")


@app.route("/tools/lookup")
def lookup():
    """Run nslookup for the `domain` query parameter and return the output as plain text."""
    domain = request.args.get("domain", "").strip()
    if not _DOMAIN.match(domain):
        return Response("invalid domain name\n", status=400, mimetype="text/plain")
    try:
        # An argument list and no shell: the domain is one argv entry, never parsed by a shell.
        result = subprocess.run(
            ["nslookup", domain], capture_output=True, text=True, timeout=15, check=False
        )
    except subprocess.TimeoutExpired:
        return Response("lookup timed out\n", status=504, mimetype="text/plain")
    return Response(result.stdout + result.stderr, status=200, mimetype="text/plain")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=False)
