import os
import subprocess


def transcode_voice_note(upload_path: str, title: str, out_dir: str) -> str:
    """Convert the uploaded WebM voice note to Ogg with ffmpeg, titled `title`; return the new file's path."""
    stem = os.path.splitext(os.path.basename(upload_path))[0]
    output = os.path.join(out_dir, stem + ".ogg")
    subprocess.run(["ffmpeg", "-y", "-i", upload_path, "-metadata", f"title={title}", output],
                   check=True, capture_output=True)
    return output
