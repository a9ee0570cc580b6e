# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "function"}
from pathlib import Path

LOG_ROOT = Path("/var/log/myservice").resolve()


def read_log(relative_path: str, tail: int = 500) -> str:
    """Return the last `tail` lines of a log file below LOG_ROOT."""
    path = (LOG_ROOT / relative_path).resolve()
    if not path.is_relative_to(LOG_ROOT):
        raise PermissionError(f"{relative_path!r} is outside the log directory")
    if not path.is_file():
        raise FileNotFoundError(relative_path)
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    return "".join(lines[-tail:])
