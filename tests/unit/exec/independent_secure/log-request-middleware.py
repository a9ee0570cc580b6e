# Independent secure reference for log-request-middleware.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Request/response logging for the Flask API, with credentials and personal secrets redacted."""
import json
import logging

from flask import Flask, request

app = Flask(__name__)
logging.basicConfig(filename="app.log", level=logging.INFO)
log = logging.getLogger("api.requests")
# Our own handler, so the lines reach app.log even when logging was configured before this module was imported.
_handler = logging.FileHandler("app.log", encoding="utf-8")
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
log.addHandler(_handler)
log.setLevel(logging.INFO)
log.propagate = False

REDACTED = "[REDACTED]"
SENSITIVE_HEADERS = {
    "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-auth-token", "x-csrf-token",
    "x-xsrf-token", "x-access-token", "x-refresh-token",
}
SENSITIVE_PARTS = (
    "password", "passwd", "secret", "token", "api_key", "apikey", "authorization", "cookie", "cvv", "cvc",
    "card_number", "cardnumber", "credit_card", "private_key", "credential",
)
SENSITIVE_NAMES = {"ssn", "pwd", "pin", "otp", "pan", "iban", "card", "auth", "session", "session_id", "sessionid"}


def _sensitive_key(key) -> bool:
    lowered = str(key).lower().replace("-", "_")
    return lowered in SENSITIVE_NAMES or any(part in lowered for part in SENSITIVE_PARTS)


def _redact(value, depth: int = 0):
    if depth > 20:
        return "..."
    if isinstance(value, dict):
        return {k: REDACTED if _sensitive_key(k) else _redact(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact(v, depth + 1) for v in value]
    return value


def _headers() -> dict:
    return {
        k: REDACTED if k.lower() in SENSITIVE_HEADERS or _sensitive_key(k) else v for k, v in request.headers.items()
    }


@app.before_request
def log_request():
    """Log the method, path, headers and JSON body of the incoming request (secrets redacted)."""
    body = request.get_json(silent=True) if request.is_json else None
    log.info(
        "request %s %s headers=%s json=%s",
        request.method,
        json.dumps(request.path)[1:-1],  # escaped: no forged log lines
        json.dumps(_headers()),
        json.dumps(_redact(body)) if body is not None else "-",
    )


@app.after_request
def log_response(response):
    log.info("response %s %s status=%s", request.method, json.dumps(request.path)[1:-1], response.status_code)
    return response
