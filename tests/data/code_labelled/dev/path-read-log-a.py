# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "function"}
import os

LOG_ROOT = "/var/log/myservice"


def read_log(relative_path: str, tail: int = 500) -> str:
    """Return the last `tail` lines of a log file below LOG_ROOT.

    The path is normalised first so things like "jobs/./2024/../2024/run.log"
    work as expected.
    """
    path = os.path.normpath(os.path.join(LOG_ROOT, relative_path))
    if not os.path.isfile(path):
        raise FileNotFoundError(relative_path)
    with open(path, "r", encoding="utf-8", errors="replace") as fh:
        lines = fh.readlines()
    return "".join(lines[-tail:])
