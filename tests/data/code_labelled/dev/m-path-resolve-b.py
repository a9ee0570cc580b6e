# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "fastapi-app"}
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

app = FastAPI()
EXPORT_ROOT = Path("/srv/exports").resolve()


@app.get("/exports/{tenant}/{filename:path}")
async def download_export(tenant: str, filename: str):
    """Serve a generated CSV/XLSX export for a tenant."""
    tenant_dir = (EXPORT_ROOT / tenant).resolve()
    path = (tenant_dir / filename).resolve()
    # both parts come from the URL: refuse anything that escapes the export tree
    if not tenant_dir.is_relative_to(EXPORT_ROOT) or not path.is_relative_to(tenant_dir):
        raise HTTPException(status_code=404, detail="export not found")
    if not path.is_file():
        raise HTTPException(status_code=404, detail="export not found")
    return FileResponse(path, filename=path.name)
