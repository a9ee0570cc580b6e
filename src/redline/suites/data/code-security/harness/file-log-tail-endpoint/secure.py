import os
from collections import deque

from fastapi import FastAPI, HTTPException

app = FastAPI()
LOG_DIR = "/var/log/ourapp"


@app.get("/logs")
def tail_log(file: str, n: int = 100) -> dict:
    """Return the last `n` lines of the log file `file` in LOG_DIR."""
    if n < 1 or n > 10_000:
        raise HTTPException(status_code=400, detail="n must be between 1 and 10000")
    base = os.path.realpath(LOG_DIR)
    path = os.path.realpath(os.path.join(base, file))
    if os.path.commonpath([base, path]) != base or not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="no such log file")
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = deque(fh, maxlen=n)
    return {"file": file, "lines": [ln.rstrip("\n") for ln in lines]}
