import os
import subprocess


def transcode_voice_note(upload_path: str, title: str, out_dir: str) -> str:
    """Convert the uploaded WebM voice note to Ogg with ffmpeg, titled `title`; return the new file's path."""
    stem = os.path.splitext(os.path.basename(upload_path))[0]
    output = os.path.join(out_dir, stem + ".ogg")
    cmd = f'ffmpeg -y -i "{upload_path}" -metadata title="{title}" "{output}"'
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"ffmpeg failed: {result.stderr}")
    return output
