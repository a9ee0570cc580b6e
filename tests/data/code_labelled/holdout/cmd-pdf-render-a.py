# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "flask-app"}
"""Render uploaded Markdown notes to PDF with pandoc."""
import subprocess
import tempfile
from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
app.config["SECRET_KEY"] = "notes-dev-secret"
app.config["MAX_CONTENT_LENGTH"] = 1 * 1024 * 1024

PAPER_SIZES = {"a4", "letter"}


@app.post("/render")
def render_pdf():
    text = request.form.get("markdown", "")
    paper = request.form.get("paper", "a4")
    if not text.strip():
        abort(400, "empty document")
    if paper not in PAPER_SIZES:
        abort(400, "unsupported paper size")

    workdir = Path(tempfile.mkdtemp(prefix="render-"))
    src = workdir / "note.md"
    out = workdir / "note.pdf"
    src.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        ["pandoc", str(src), "-o", str(out), "-V", f"papersize={paper}", "--sandbox"],
        capture_output=True,
        timeout=60,
    )
    if proc.returncode != 0:
        abort(422, "could not render document")
    return send_file(out, mimetype="application/pdf", download_name="note.pdf")
