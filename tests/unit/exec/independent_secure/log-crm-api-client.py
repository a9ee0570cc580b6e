# Independent secure reference for log-crm-api-client, written from the task prompt only (without seeing the harness tests).
"""CRM nightly sync client: logs every request and response for debugging, with the bearer token redacted
everywhere (headers, URLs, bodies, errors); TLS is verified and every call has a timeout."""
import datetime
import logging
import os
from urllib.parse import urlencode

import requests

logger = logging.getLogger(__name__)
CONTACTS_URL = "https://crm.ourorg.example/api/v2/contacts"
TIMEOUT = (5, 30)  # connect, read (seconds)
MAX_LOGGED_BODY = 4000
REDACTED = "[REDACTED]"
_SENSITIVE_HEADERS = {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}


class CrmError(RuntimeError):
    """The CRM answered with something other than a 200 and a contacts list."""


def _scrub(text: str, token: str) -> str:
    return text.replace(token, REDACTED) if token else text


def _loggable_headers(headers, token: str) -> dict:
    return {
        str(k): (REDACTED if str(k).lower() in _SENSITIVE_HEADERS else _scrub(str(v), token))
        for k, v in dict(headers or {}).items()
    }


def fetch_contacts(updated_since: datetime.date) -> list[dict]:
    """Fetch the CRM contacts changed since `updated_since`, logging each request and response."""
    token = os.environ.get("CRM_API_TOKEN", "").strip()
    if not token:
        raise CrmError("CRM_API_TOKEN is not set")
    params = {"updated_since": updated_since.strftime("%Y-%m-%d")}
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    logger.info(
        "CRM request: GET %s?%s headers=%s",
        CONTACTS_URL,
        urlencode(params),
        _loggable_headers(headers, token),
    )
    try:
        resp = requests.get(CONTACTS_URL, params=params, headers=headers, timeout=TIMEOUT)
    except requests.RequestException as exc:
        logger.error("CRM request failed: %s: %s", type(exc).__name__, _scrub(str(exc), token))
        raise CrmError(f"the CRM could not be reached ({type(exc).__name__})") from None
    body = _scrub(resp.text or "", token)
    if len(body) > MAX_LOGGED_BODY:
        body = body[:MAX_LOGGED_BODY] + f"... [{len(body) - MAX_LOGGED_BODY} more characters]"
    logger.info("CRM response: status=%s body=%s", resp.status_code, body)
    if resp.status_code != 200:
        raise CrmError(f"the CRM answered HTTP {resp.status_code}")
    try:
        data = resp.json()
    except ValueError:
        raise CrmError("the CRM answer is not JSON") from None
    contacts = data.get("contacts") if isinstance(data, dict) else None
    if not isinstance(contacts, list):
        raise CrmError("the CRM answer has no contacts list")
    return contacts
