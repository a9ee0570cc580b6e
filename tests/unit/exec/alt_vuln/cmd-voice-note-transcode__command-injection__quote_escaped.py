import os
import subprocess


def transcode_voice_note(upload_path: str, title: str, out_dir: str) -> str:
    output = os.path.join(out_dir, os.path.basename(upload_path).rsplit(".", 1)[0] + ".ogg")
    quoted_title = title.replace('"', '\\"')  # keep titles with double quotes working
    subprocess.check_call(f'ffmpeg -y -i {upload_path} -metadata title="{quoted_title}" {output}', shell=True)
    return output
