# redline-label: {"label": "vulnerable", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "flask-app"}
import json
import os
import subprocess
import tempfile

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 200 * 1024 * 1024


def probe(path: str) -> dict:
    cmd = f"ffprobe -v quiet -print_format json -show_format -show_streams '{path}'"
    out = subprocess.check_output(cmd, shell=True, timeout=30)
    return json.loads(out)


@app.post("/media/probe")
def probe_upload():
    """Return duration, codecs and resolution of an uploaded video."""
    upload = request.files.get("video")
    if upload is None or not upload.filename:
        abort(400)
    with tempfile.TemporaryDirectory(prefix="probe-") as tmp:
        # keep the original name so ffprobe can use the extension as a format hint
        path = os.path.join(tmp, os.path.basename(upload.filename))
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
    )
