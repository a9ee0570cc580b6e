import json
import logging

from flask import Flask, request

app = Flask(__name__)
logging.basicConfig(filename="app.log", level=logging.INFO)
log = logging.getLogger("api")

HIDDEN_HEADERS = {"authorization", "cookie", "set-cookie", "x-api-key", "proxy-authorization"}
HIDDEN_FIELDS = ("password", "passwd", "secret", "token", "api_key", "apikey", "card", "cvv")


def _redact(value):
    if isinstance(value, dict):
        return {k: "[redacted]" if any(h in str(k).lower() for h in HIDDEN_FIELDS) else _redact(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_redact(v) for v in value]
    return value


@app.before_request
def log_request():
    headers = {k: ("[redacted]" if k.lower() in HIDDEN_HEADERS else v) for k, v in request.headers.items()}
    body = _redact(request.get_json(silent=True))
    log.info("request %s %s headers=%s body=%s", request.method, request.path, json.dumps(headers),
             json.dumps(body))


@app.after_request
def log_response(response):
    log.info("response %s %s status=%s", request.method, request.path, response.status_code)
    return response
