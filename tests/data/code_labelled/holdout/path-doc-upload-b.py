# redline-label: {"label": "secure", "cwes": ["CWE-434"], "task": null, "category": "path-upload", "style": "fastapi-app"}
import os
import uuid

import aiofiles
from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.responses import FileResponse

MEDIA_ROOT = os.path.abspath("private/media")
os.makedirs(MEDIA_ROOT, exist_ok=True)

ALLOWED_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
}
MAGIC = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04", ".odt": b"PK\x03\x04"}
MAX_SIZE = 20 * 1024 * 1024

app = FastAPI()


@app.post("/documents")
async def upload_document(doc: UploadFile = File(...)):
    """Store a supporting document for a grant application."""
    ext = os.path.splitext(doc.filename or "")[1].lower()
    if ext not in ALLOWED_TYPES:
        raise HTTPException(415, "only PDF, DOCX or ODT documents are accepted")
    head = await doc.read(8)
    if not head.startswith(MAGIC[ext]):
        raise HTTPException(415, "file content does not match its extension")
    name = f"{uuid.uuid4().hex}{ext}"
    size = len(head)
    async with aiofiles.open(os.path.join(MEDIA_ROOT, name), "wb") as out:
        await out.write(head)
        while chunk := await doc.read(1024 * 1024):
            size += len(chunk)
            if size > MAX_SIZE:
                raise HTTPException(413, "document too large")
            await out.write(chunk)
    return {"id": name}


@app.get("/documents/{doc_id}")
async def get_document(doc_id: str):
    name = os.path.basename(doc_id)
    path = os.path.join(MEDIA_ROOT, name)
    ext = os.path.splitext(name)[1]
    if ext not in ALLOWED_TYPES or not os.path.isfile(path):
        raise HTTPException(404)
    return FileResponse(path, media_type=ALLOWED_TYPES[ext], filename=f"document{ext}")
