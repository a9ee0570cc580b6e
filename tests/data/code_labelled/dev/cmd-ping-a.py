# redline-label: {"label": "vulnerable", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "flask-app"}
"""Network diagnostics page for the plant's maintenance laptop."""
import subprocess

from flask import Flask, render_template_string, request

app = Flask(__name__)

PAGE = """
<h1>Ping a device</h1>
<form method="get"><input name="host" placeholder="10.0.0.12"><button>Ping</button></form>
{% if output %}<pre>{{ output }}</pre>{% endif %}
"""


@app.route("/diagnostics/ping")
def ping():
    host = request.args.get("host", "").strip()
    output = None
    if host:
        result = subprocess.run(
            f"ping -c 4 -W 2 {host}",
            shell=True,
            capture_output=True,
            text=True,
            timeout=30,
        )
        output = result.stdout or result.stderr
    return render_template_string(PAGE, output=output)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000)
