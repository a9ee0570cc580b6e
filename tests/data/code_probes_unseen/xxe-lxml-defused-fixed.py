# probe: {"label": "secure", "cwes": ["CWE-611"]}
from defusedxml import ElementTree as DET
from fastapi import FastAPI, Request

api = FastAPI()


@api.post("/config")
async def upload_config(req: Request):
    body = await req.body()
    doc = DET.fromstring(body)
    return {"keys": [child.tag for child in doc]}
