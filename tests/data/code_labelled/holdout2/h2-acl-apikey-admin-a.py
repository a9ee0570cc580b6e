# redline-label: {"label": "secure", "cwes": ["CWE-306", "CWE-862"], "task": null, "category": "access-control", "style": "fastapi-app"}
import hmac
import os

from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import APIKeyHeader

from .cache import purge_all, purge_prefix
from .flags import set_flag

app = FastAPI()
ops_key_header = APIKeyHeader(name="X-Ops-Key", auto_error=False)


def require_ops_key(key: str | None = Security(ops_key_header)) -> None:
    expected = os.environ["OPS_API_KEY"]
    if key is None or not hmac.compare_digest(key.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="missing or invalid ops key")


@app.post("/ops/cache/purge", dependencies=[Depends(require_ops_key)])
def purge_cache(prefix: str | None = None):
    count = purge_prefix(prefix) if prefix else purge_all()
    return {"purged": count}


@app.put("/ops/flags/{name}", dependencies=[Depends(require_ops_key)])
def toggle_flag(name: str, enabled: bool):
    set_flag(name, enabled)
    return {"flag": name, "enabled": enabled}


@app.get("/health")
def health():
    return {"ok": True}
