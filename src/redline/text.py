"""Text helpers every layer shares: reasoning traces split from answers, valid UTF-8, terminal-safe text, and the
one redaction layer for API keys (every string redline stores or shows passes through ``redact``: endpoints echo
a key JSON-escaped, upper-cased, URL-encoded or base64, so each registered key is removed in every such form).

They live at the bottom of the layering so judges, backends and commands can use them without importing
each other.
"""

from __future__ import annotations

import base64
import html
import json
import re
import threading
from urllib.parse import quote, quote_plus

_THINK = re.compile(r"<think>(.*?)(?:</think>|\Z)", re.DOTALL)
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def split_reasoning(text: str, reasoning: str = "") -> tuple[str, str]:
    """Separate ``<think>...</think>`` blocks from the final answer; keep an explicit reasoning field too."""
    found = [m.strip() for m in _THINK.findall(text)]
    if not found and "</think>" in text:  # some servers strip the opening tag
        head, _, tail = text.partition("</think>")
        return tail.strip(), "\n".join(p for p in (reasoning, head.strip()) if p)
    answer = _THINK.sub("", text).strip() if found else text
    parts = [p for p in [reasoning, *found] if p]
    return answer, "\n".join(parts)


def clean_text(text: str) -> str:
    """Replace lone surrogates (valid JSON escapes, invalid Unicode) so every record stays valid UTF-8."""
    return text.encode("utf-8", "replace").decode("utf-8")


def safe_text(text: str) -> str:
    """Strip ANSI escape sequences and control characters and redact keys: model output never drives the
    terminal, and no key reaches it."""
    return _CONTROL.sub("", redact(text))


# -- redaction ------------------------------------------------------------------------------------------------
MASK = "***"
_MIN_LEN = 4  # shorter "keys" would redact ordinary words
_MIN_FRAGMENT = 10  # alphanumeric runs of a key this long are redacted on their own (random, never a word)
_lock = threading.Lock()
_keys: set[str] = set()
_pattern: re.Pattern[str] | None = None


def forms(key: str) -> set[str]:
    """The shapes a key can be echoed in."""
    out = {key, key.strip()}
    for k in list(out):
        escaped = json.dumps(k)[1:-1]
        out |= {escaped, escaped.replace("/", "\\/"), quote(k, safe=""), quote_plus(k), html.escape(k)}
        for raw in (k, f"Bearer {k}", f":{k}", f"{k}:"):
            b64 = base64.b64encode(raw.encode()).decode()
            out |= {b64, b64.rstrip("="), base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")}
        out |= {k.encode().hex(), "".join(f"\\u{ord(c):04x}" for c in k)}  # hex, every character \u-escaped
    # the key's long alphanumeric runs on their own: whatever an echo does to the punctuation around them (URL-
    # encoded twice, escaped some other way, cut in half), the random part of the key never survives
    out |= set(re.findall(rf"[A-Za-z0-9]{{{_MIN_FRAGMENT},}}", key))
    return {f for f in out if len(f) >= _MIN_LEN}


def register_secret(key: str | None) -> None:
    """Remember a key so that ``redact`` removes it from now on (process-wide)."""
    global _pattern
    if not key or len(key.strip()) < _MIN_LEN:
        return
    with _lock:
        if key in _keys:
            return
        _keys.add(key)
        every = sorted({f for k in _keys for f in forms(k)}, key=len, reverse=True)
        _pattern = re.compile("|".join(re.escape(f) for f in every), re.IGNORECASE)


_SECRET_PARAM = re.compile(r"key|token|secret|sig|auth|pass|cred", re.IGNORECASE)
_MIN_URL_SECRET = 8


def register_url_secrets(url: str | None) -> None:
    """Credentials carried by an endpoint URL (``https://user:pass@host``, ``?api_key=...``) are keys too: they
    are redacted wherever the URL is stored or shown (manifest, reports, error lines)."""
    if not url:
        return
    from urllib.parse import parse_qsl, unquote, urlsplit

    try:
        parts = urlsplit(url)
        user, password = parts.username, parts.password
        query = parse_qsl(parts.query, keep_blank_values=False)
    except ValueError:  # a malformed URL: the backend refuses it with its own one-line error
        return
    userinfo = parts.netloc.rpartition("@")[0]
    register_secret(userinfo)  # the whole user:password, as written
    # on their own only when long enough not to be a word (a user name such as "admin" is never redacted)
    alone = password if password is not None else user  # https://KEY@host: a key given as the user name
    if alone and len(unquote(alone)) >= _MIN_URL_SECRET:
        register_secret(unquote(alone))
        register_secret(alone)
    for name, value in query:
        if _SECRET_PARAM.search(name) and len(value) >= _MIN_URL_SECRET:
            register_secret(value)


def redact(text: str) -> str:
    """``text`` with every registered key, in every known form, replaced by ``***``."""
    pattern = _pattern
    return pattern.sub(MASK, text) if pattern is not None and text else text


def clear_secrets() -> None:
    """Forget every key (tests)."""
    global _pattern
    with _lock:
        _keys.clear()
        _pattern = None

