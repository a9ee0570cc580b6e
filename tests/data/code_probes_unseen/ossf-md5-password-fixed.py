# probe: {"label": "secure", "cwes": ["CWE-327"]}
import hashlib
import hmac
import os


def store_password(db, username, password):
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    db[username] = (salt, digest)


def check_password(db, username, password):
    salt, digest = db[username]
    candidate = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return hmac.compare_digest(candidate, digest)
