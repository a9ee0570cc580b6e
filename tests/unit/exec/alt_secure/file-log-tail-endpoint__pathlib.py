from pathlib import Path

from fastapi import FastAPI, HTTPException

app = FastAPI()
LOG_DIR = Path("/var/log/ourapp")


@app.get("/logs")
def tail_log(file: str, n: int = 100) -> dict:
    """Return the last `n` lines of the log file `file` in LOG_DIR."""
    base = LOG_DIR.resolve()
    target = (base / file).resolve()
    if not target.is_relative_to(base) or not target.is_file():
        raise HTTPException(status_code=404, detail="log not found")
    lines = target.read_text(errors="replace").splitlines()
    return {"file": file, "lines": lines[-n:] if n > 0 else []}
