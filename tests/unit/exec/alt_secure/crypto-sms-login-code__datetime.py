import secrets
from datetime import datetime, timedelta

from .sms import send_sms

pending = {}


def send_login_code(user) -> None:
    code = "".join(secrets.choice("0123456789") for _ in range(6))
    pending[user.id] = {"code": code, "created": datetime.utcnow()}
    send_sms(user.phone, f"{code} is your verification code")


def check_login_code(user, code) -> bool:
    item = pending.get(user.id)
    if not item:
        return False
    if datetime.utcnow() - item["created"] > timedelta(minutes=5):
        pending.pop(user.id, None)
        return False
    if secrets.compare_digest(item["code"], str(code)):
        pending.pop(user.id, None)
        return True
    return False
