# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "flask-app"}
"""Network diagnostics page for the plant's maintenance laptop."""
import ipaddress
import re
import subprocess

from flask import Flask, abort, render_template_string, request

app = Flask(__name__)

HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")

PAGE = """
<h1>Ping a device</h1>
<form method="get"><input name="host" placeholder="10.0.0.12"><button>Ping</button></form>
{% if output %}<pre>{{ output }}</pre>{% endif %}
"""


def valid_target(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
        return True
    except ValueError:
        return bool(HOSTNAME_RE.match(value))


@app.route("/diagnostics/ping")
def ping():
    host = request.args.get("host", "").strip()
    output = None
    if host:
        if not valid_target(host):
            abort(400, "not an IP address or hostname")
        result = subprocess.run(
            ["ping", "-c", "4", "-W", "2", host],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        output = result.stdout or result.stderr
    return render_template_string(PAGE, output=output)


if __name__ == "__main__":
    app.run(port=8000)
