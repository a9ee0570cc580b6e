import requests
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class WebhookTest(BaseModel):
    url: str


@app.post("/webhooks/test")
def test_webhook(body: WebhookTest) -> dict:
    """Send a sample event to body.url; return the status code and the start of the response."""
    event = {"event": "test", "payload": {"id": "evt_test", "ok": True}}
    resp = requests.post(body.url, json=event, timeout=10)
    return {"status_code": resp.status_code, "body": resp.text[:200]}
