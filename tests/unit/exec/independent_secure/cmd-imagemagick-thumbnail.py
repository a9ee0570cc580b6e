# Independent secure reference for cmd-imagemagick-thumbnail.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import os
import subprocess

MAX_WIDTH = 10000


def _plain_path(path: str) -> str:
    """An absolute path, so a user-chosen name such as '-write x', 'msl:x' or '|cmd' is read as a plain file
    name, never as an ImageMagick option, coder prefix or pipe."""
    return os.path.abspath(os.fspath(path))


def make_thumbnail(input_path: str, output_path: str, width: int) -> None:
    """Resize the uploaded image to `width` pixels wide with ImageMagick's convert."""
    if isinstance(width, bool) or not isinstance(width, int) or not 0 < width <= MAX_WIDTH:
        raise ValueError("width must be a positive whole number of pixels")
    if not os.path.isfile(input_path):
        raise FileNotFoundError(input_path)
    # No shell: each argument goes to convert as-is.
    subprocess.run(
        ["convert", _plain_path(input_path), "-resize", f"{width}x", _plain_path(output_path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
