# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "function"}
import os

LOG_ROOT = "/var/log/myapp"


def sanitize(name: str) -> str:
    """Remove directory traversal sequences from a user-supplied file name."""
    return name.replace("../", "").replace("..\\", "").lstrip("/")


def tail_log(name: str, lines: int = 200) -> list[str]:
    """Last `lines` lines of a log file picked in the ops dashboard."""
    path = os.path.join(LOG_ROOT, sanitize(name))
    with open(path, encoding="utf-8", errors="replace") as fh:
        return fh.readlines()[-lines:]
