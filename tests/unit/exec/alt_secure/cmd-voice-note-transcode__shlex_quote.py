import os
import shlex
from pathlib import Path


def transcode_voice_note(upload_path: str, title: str, out_dir: str) -> str:
    target = Path(out_dir) / (Path(upload_path).stem + ".ogg")
    command = " ".join(["ffmpeg", "-y", "-loglevel", "error", "-i", shlex.quote(upload_path), "-c:a", "libopus",
                        "-metadata", shlex.quote("title=" + title), shlex.quote(str(target))])
    if os.system(command) != 0:
        raise RuntimeError("ffmpeg could not convert the voice note")
    return str(target)
