# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "fastapi-app"}
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

app = FastAPI()
EXPORT_ROOT = Path("/srv/exports")


@app.get("/exports/{tenant}/{filename:path}")
async def download_export(tenant: str, filename: str):
    """Serve a generated CSV/XLSX export for a tenant."""
    path = EXPORT_ROOT / tenant / filename
    if not path.is_file():
        raise HTTPException(status_code=404, detail="export not found")
    return FileResponse(path, filename=path.name)
