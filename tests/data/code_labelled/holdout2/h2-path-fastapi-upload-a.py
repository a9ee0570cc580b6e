# redline-label: {"label": "secure", "cwes": ["CWE-434", "CWE-22"], "task": null, "category": "path-upload", "style": "fastapi-app"}
import secrets
from pathlib import Path

from fastapi import FastAPI, File, HTTPException, UploadFile

app = FastAPI()

STORAGE = Path("/srv/claims/photos")
MAX_BYTES = 8 * 1024 * 1024
ALLOWED = {"image/jpeg": ".jpg", "image/png": ".png", "image/heic": ".heic"}


@app.post("/claims/{claim_id}/photos", status_code=201)
async def add_claim_photo(claim_id: int, photo: UploadFile = File(...)):
    ext = ALLOWED.get(photo.content_type or "")
    if ext is None or Path(photo.filename or "").suffix.lower() not in {".jpg", ".jpeg", ".png", ".heic"}:
        raise HTTPException(status_code=415, detail="photos must be JPEG, PNG or HEIC")
    data = await photo.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="photo too large")
    folder = STORAGE / str(claim_id)
    folder.mkdir(parents=True, exist_ok=True)
    stored = folder / f"{secrets.token_hex(16)}{ext}"
    stored.write_bytes(data)
    return {"claim_id": claim_id, "photo": stored.name}
