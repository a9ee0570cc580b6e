# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "flask-app"}
import json
import subprocess
import tempfile
import uuid
from pathlib import Path

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 200 * 1024 * 1024


def probe(path: Path) -> dict:
    out = subprocess.run(
        ["ffprobe", "-v", "quiet", "-print_format", "json", "-show_format", "-show_streams", str(path)],
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout
    return json.loads(out)


@app.post("/media/probe")
def probe_upload():
    """Return duration, codecs and resolution of an uploaded video."""
    upload = request.files.get("video")
    if upload is None:
        abort(400)
    with tempfile.TemporaryDirectory(prefix="probe-") as tmp:
        # the file on disk gets a name we generate; the client's filename never reaches the command
        path = Path(tmp) / f"{uuid.uuid4().hex}.bin"
        upload.save(path)
        try:
            info = probe(path)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            abort(422, description="not a media file ffprobe understands")
    streams = info.get("streams", [])
    video = next((s for s in streams if s.get("codec_type") == "video"), {})
    return jsonify(
        duration=float(info.get("format", {}).get("duration", 0)),
        video_codec=video.get("codec_name"),
        width=video.get("width"),
        height=video.get("height"),
        audio_codecs=[s.get("codec_name") for s in streams if s.get("codec_type") == "audio"],
    )
