# redline-label: {"label": "vulnerable", "cwes": ["CWE-434"], "task": null, "category": "path-upload", "style": "fastapi-app"}
import os
import uuid

import aiofiles
from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.staticfiles import StaticFiles

MEDIA_ROOT = os.path.abspath("public/media")
os.makedirs(MEDIA_ROOT, exist_ok=True)

app = FastAPI()
app.mount("/media", StaticFiles(directory=MEDIA_ROOT), name="media")


@app.post("/documents")
async def upload_document(doc: UploadFile = File(...)):
    """Store a supporting document for a grant application.

    The file gets a random name so two applicants can't overwrite each
    other's uploads; we keep the extension so browsers open it correctly.
    """
    _, ext = os.path.splitext(doc.filename or "")
    if not ext:
        raise HTTPException(400, "file needs an extension")
    name = f"{uuid.uuid4().hex}{ext.lower()}"
    async with aiofiles.open(os.path.join(MEDIA_ROOT, name), "wb") as out:
        while chunk := await doc.read(1024 * 1024):
            await out.write(chunk)
    return {"url": f"/media/{name}"}
