# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "function"}
import subprocess
import uuid
from pathlib import Path

THUMB_DIR = Path("/var/lib/gallery/thumbs")


def make_thumbnail(source: Path, size: int = 256) -> Path:
    """Create a square JPEG thumbnail of `source` with ImageMagick.

    `source` is a file the upload handler already stored under a generated
    name; the size is an int, so nothing here is parsed by a shell.
    """
    if not 16 <= size <= 2048:
        raise ValueError("size out of range")
    THUMB_DIR.mkdir(parents=True, exist_ok=True)
    target = THUMB_DIR / f"{uuid.uuid4().hex}.jpg"
    subprocess.run(
        [
            "convert",
            str(source.resolve()),
            "-auto-orient",
            "-thumbnail", f"{size}x{size}^",
            "-gravity", "center",
            "-extent", f"{size}x{size}",
            str(target),
        ],
        check=True,
        timeout=60,
    )
    return target
