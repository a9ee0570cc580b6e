# redline-label: {"label": "vulnerable", "cwes": ["CWE-434", "CWE-22"], "task": null, "category": "path-upload", "style": "fastapi-app"}
from pathlib import Path

import aiofiles
from fastapi import FastAPI, File, HTTPException, UploadFile

app = FastAPI()

STORAGE = Path("/srv/claims/photos")
MAX_BYTES = 8 * 1024 * 1024


@app.post("/claims/{claim_id}/photos", status_code=201)
async def add_claim_photo(claim_id: int, photo: UploadFile = File(...)):
    """Attach a photo of the damage to an insurance claim."""
    data = await photo.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="photo too large")
    folder = STORAGE / str(claim_id)
    folder.mkdir(parents=True, exist_ok=True)
    stored = folder / photo.filename
    async with aiofiles.open(stored, "wb") as out:
        await out.write(data)
    return {"claim_id": claim_id, "photo": photo.filename}
