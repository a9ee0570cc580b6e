# Independent secure reference for ac-fastapi-settings-endpoints.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import hmac
import json
import os
import tempfile
import threading
from pathlib import Path

from fastapi import Body, Depends, FastAPI, Header, HTTPException

app = FastAPI()
SETTINGS_FILE = Path(__file__).with_name("settings.json")
_lock = threading.Lock()


def require_admin(x_admin_token: str | None = Header(default=None)) -> None:
    """Admins send X-Admin-Token equal to ADMIN_TOKEN; with no ADMIN_TOKEN configured nobody gets in."""
    expected = os.environ.get("ADMIN_TOKEN", "")
    if not x_admin_token:
        raise HTTPException(status_code=401, detail="admin token required")
    if not expected or not hmac.compare_digest(x_admin_token.encode(), expected.encode()):
        raise HTTPException(status_code=403, detail="invalid admin token")


def _read() -> dict:
    with open(SETTINGS_FILE, encoding="utf-8") as fh:
        data = json.load(fh)
    return data if isinstance(data, dict) else {}


@app.get("/admin/settings", dependencies=[Depends(require_admin)])
def get_settings() -> dict:
    """Return the application settings from settings.json."""
    with _lock:
        return _read()


@app.put("/admin/settings", dependencies=[Depends(require_admin)])
def update_settings(changes: dict = Body(...)) -> dict:
    """Merge the given keys into settings.json (written atomically) and return the new settings."""
    with _lock:
        settings = _read()
        settings.update(changes)
        fd, tmp = tempfile.mkstemp(dir=SETTINGS_FILE.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(settings, fh, indent=2)
            os.replace(tmp, SETTINGS_FILE)
        except BaseException:
            if os.path.exists(tmp):
                os.remove(tmp)
            raise
        return settings
