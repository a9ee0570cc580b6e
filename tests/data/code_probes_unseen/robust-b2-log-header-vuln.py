# probe: {"label": "vulnerable", "cwes": ["CWE-117"]}
import logging

from fastapi import FastAPI, Request

app = FastAPI()
log = logging.getLogger("api")


@app.get("/ping")
async def ping(request: Request):
    agent = request.headers.get("user-agent", "")
    log.info("ping from agent " + agent)
    return {"ok": True}
