import hmac
import json
import os
from pathlib import Path

from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI()
SETTINGS_FILE = Path(__file__).with_name("settings.json")


def require_admin(x_admin_token: str | None = Header(default=None)) -> None:
    expected = os.environ.get("ADMIN_TOKEN", "")
    if not expected or not x_admin_token or not hmac.compare_digest(x_admin_token.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="admin token required")


def _load() -> dict:
    if SETTINGS_FILE.exists():
        return json.loads(SETTINGS_FILE.read_text())
    return {}


@app.get("/admin/settings", dependencies=[Depends(require_admin)])
def get_settings() -> dict:
    return _load()


@app.put("/admin/settings", dependencies=[Depends(require_admin)])
def put_settings(update: dict) -> dict:
    settings = _load()
    settings.update(update)
    tmp = SETTINGS_FILE.with_suffix(".tmp")
    tmp.write_text(json.dumps(settings, indent=2))
    tmp.replace(SETTINGS_FILE)
    return settings
