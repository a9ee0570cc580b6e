# redline-label: {"label": "vulnerable", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "function"}
import os

THUMB_DIR = "/var/lib/gallery/thumbs"


def make_thumbnail(filename, size="256"):
    """Create a square JPEG thumbnail for an uploaded image.

    filename: the name the user uploaded the file under (stored in uploads/)
    size: edge length in pixels, taken from the ?size= query parameter
    """
    os.makedirs(THUMB_DIR, exist_ok=True)
    src = os.path.join("uploads", filename)
    dst = os.path.join(THUMB_DIR, os.path.splitext(filename)[0] + "_thumb.jpg")
    cmd = "convert '%s' -auto-orient -thumbnail %sx%s^ -gravity center -extent %sx%s '%s'" % (
        src, size, size, size, size, dst,
    )
    status = os.system(cmd)
    if status != 0:
        raise RuntimeError("convert failed with status %d" % status)
    return dst
