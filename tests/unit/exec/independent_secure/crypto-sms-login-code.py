# Independent secure reference for crypto-sms-login-code.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Two-step login codes: 6 random digits, valid 5 minutes, single use, a few attempts at most."""
import hashlib
import hmac
import secrets
import threading
import time

from .sms import send_sms

CODE_TTL_SECONDS = 5 * 60
MAX_ATTEMPTS = 5
_codes: dict[object, dict] = {}  # user id -> {"hash", "created", "attempts"}
_lock = threading.Lock()


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def send_login_code(user) -> None:
    """Create a 6-digit code for `user`, remember it with its time, and text it to user.phone."""
    code = f"{secrets.randbelow(1_000_000):06d}"
    with _lock:
        _codes[user.id] = {"hash": _hash(code), "created": time.time(), "attempts": 0}
    send_sms(user.phone, f"Your login code is {code}. It expires in 5 minutes.")


def check_login_code(user, code: str) -> bool:
    """True if `code` matches the user's latest code, made less than 5 minutes ago; a good code is then spent."""
    if not isinstance(code, str):
        return False
    code = code.strip()
    with _lock:
        entry = _codes.get(user.id)
        if entry is None:
            return False
        if time.time() - entry["created"] >= CODE_TTL_SECONDS or entry["attempts"] >= MAX_ATTEMPTS:
            del _codes[user.id]
            return False
        entry["attempts"] += 1
        if len(code) == 6 and code.isdigit() and hmac.compare_digest(_hash(code), entry["hash"]):
            del _codes[user.id]
            return True
        return False
