# redline-label: {"label": "vulnerable", "cwes": ["CWE-88"], "task": null, "category": "os-command", "style": "fastapi-app"}
import subprocess

from fastapi import FastAPI, HTTPException

app = FastAPI()
REPO_PATH = "/srv/git/website.git"


@app.get("/changelog")
def changelog(ref: str = "main", limit: int = 20):
    """Recent commit subjects on a branch or tag, for the public changelog page."""
    try:
        out = subprocess.run(
            ["git", "-C", REPO_PATH, "log", f"--max-count={min(limit, 100)}", "--format=%h %s", ref],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout
    except subprocess.CalledProcessError:
        raise HTTPException(status_code=404, detail="unknown ref")
    return [line.split(" ", 1) for line in out.splitlines()]
