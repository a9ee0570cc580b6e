# probe: {"label": "vulnerable", "cwes": ["CWE-377"]}
import os
import subprocess
import tempfile


def render_pdf(html: str) -> bytes:
    path = tempfile.mktemp(suffix=".html")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(html)
    out = path + ".pdf"
    subprocess.run(["wkhtmltopdf", path, out], check=True)
    with open(out, "rb") as fh:
        data = fh.read()
    os.remove(path)
    return data
