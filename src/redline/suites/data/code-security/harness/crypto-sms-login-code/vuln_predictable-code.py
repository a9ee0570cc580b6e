import random
import time

from sms import send_sms

codes = {}


def send_login_code(user) -> None:
    code = str(random.randint(100000, 999999))
    codes[user.id] = (code, time.time())
    send_sms(user.phone, "Login code: " + code)


def check_login_code(user, code) -> bool:
    saved = codes.get(user.id)
    return bool(saved) and saved[0] == str(code) and time.time() - saved[1] < 300
