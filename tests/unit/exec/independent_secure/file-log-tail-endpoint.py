# Independent secure reference for file-log-tail-endpoint.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import os
from collections import deque

from fastapi import FastAPI, HTTPException

app = FastAPI()
LOG_DIR = "/var/log/ourapp"
MAX_LINES = 10000


@app.get("/logs")
def tail_log(file: str, n: int = 100) -> dict:
    """Return the last `n` lines of the log file `file` in LOG_DIR.

    `file` must name a file directly inside LOG_DIR: separators, '..' and symlinks leading out are refused.
    """
    if not 0 < n <= MAX_LINES:
        raise HTTPException(status_code=400, detail=f"n must be between 1 and {MAX_LINES}")
    if not file or file != os.path.basename(file) or file in (".", "..") or "\\" in file or "\0" in file:
        raise HTTPException(status_code=400, detail="invalid log file name")
    base = os.path.realpath(LOG_DIR)
    path = os.path.realpath(os.path.join(base, file))
    if os.path.dirname(path) != base:
        raise HTTPException(status_code=400, detail="invalid log file name")
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="no such log file")
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = deque(fh, maxlen=n)
    return {"file": file, "lines": [line.rstrip("\n") for line in lines]}
