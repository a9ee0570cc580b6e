import hmac
import secrets
import time

from .sms import send_sms

_CODES: dict[object, tuple[str, float]] = {}
LIFETIME_S = 5 * 60


def send_login_code(user) -> None:
    code = f"{secrets.randbelow(1_000_000):06d}"
    _CODES[user.id] = (code, time.monotonic())
    send_sms(user.phone, f"Your login code is {code}. It expires in 5 minutes.")


def check_login_code(user, code) -> bool:
    entry = _CODES.get(user.id)
    if entry is None or time.monotonic() - entry[1] >= LIFETIME_S:
        _CODES.pop(user.id, None)
        return False
    if hmac.compare_digest(str(code).strip(), entry[0]):
        del _CODES[user.id]
        return True
    return False
