# Independent secure reference for cmd-voice-note-transcode, written from the task prompt only (without seeing the harness tests).
"""Voice-note transcode: ffmpeg runs without a shell, the member's title travels as one argument ("title=...")."""
import os
import subprocess

FFMPEG_TIMEOUT_S = 120
MAX_TITLE_CHARS = 500


class TranscodeError(RuntimeError):
    """ffmpeg could not convert the upload."""


def transcode_voice_note(upload_path: str, title: str, out_dir: str) -> str:
    """Convert the uploaded WebM voice note to Ogg with ffmpeg, titled `title`; return the new file's path."""
    if not isinstance(title, str) or "\x00" in title or len(title) > MAX_TITLE_CHARS:
        raise ValueError("the title cannot be stored")
    stem = os.path.splitext(os.path.basename(upload_path))[0]
    if not stem:
        raise ValueError("the upload has no file name")
    out_path = os.path.join(out_dir, stem + ".ogg")
    # Argument list, no shell: spaces, quotes, ;, $() and backticks in the title are just characters of the title.
    # Absolute paths keep a file name that starts with "-" from being read as an option.
    argv = [
        "ffmpeg",
        "-y",
        "-i",
        os.path.abspath(upload_path),
        "-metadata",
        f"title={title}",
        os.path.abspath(out_path),
    ]
    try:
        result = subprocess.run(
            argv,
            shell=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=FFMPEG_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise TranscodeError("ffmpeg took too long") from exc
    except OSError as exc:
        raise TranscodeError("ffmpeg could not be started") from exc
    if result.returncode != 0:
        detail = (result.stderr or b"").decode("utf-8", "replace").strip()[-300:]
        raise TranscodeError(f"ffmpeg failed with exit code {result.returncode}: {detail}")
    return out_path
