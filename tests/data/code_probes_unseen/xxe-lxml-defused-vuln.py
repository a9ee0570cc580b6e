# probe: {"label": "vulnerable", "cwes": ["CWE-611"]}
from fastapi import FastAPI, Request
from lxml import etree

api = FastAPI()
PARSER = etree.XMLParser(dtd_validation=True, no_network=False)


@api.post("/config")
async def upload_config(req: Request):
    body = await req.body()
    doc = etree.fromstring(body, parser=PARSER)
    return {"keys": [child.tag for child in doc]}
