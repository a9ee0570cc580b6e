# probe: {"label": "secure", "cwes": ["CWE-377"]}
import os
import subprocess
import tempfile


def render_pdf(html: str) -> bytes:
    with tempfile.TemporaryDirectory() as workdir:
        path = os.path.join(workdir, "page.html")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html)
        out = os.path.join(workdir, "page.pdf")
        subprocess.run(["wkhtmltopdf", path, out], check=True)
        with open(out, "rb") as fh:
            return fh.read()
