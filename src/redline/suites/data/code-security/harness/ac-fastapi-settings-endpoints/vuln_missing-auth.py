import json
import os
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Request

app = FastAPI()
SETTINGS_FILE = Path(__file__).with_name("settings.json")


def check_token(request: Request) -> None:
    sent = request.headers.get("X-Admin-Token")
    if sent is not None and sent != os.environ.get("ADMIN_TOKEN"):
        raise HTTPException(status_code=403)


@app.get("/admin/settings", dependencies=[Depends(check_token)])
def get_settings() -> dict:
    return json.loads(SETTINGS_FILE.read_text())


@app.put("/admin/settings", dependencies=[Depends(check_token)])
async def put_settings(request: Request) -> dict:
    new = await request.json()
    settings = json.loads(SETTINGS_FILE.read_text())
    settings.update(new)
    SETTINGS_FILE.write_text(json.dumps(settings))
    return settings
