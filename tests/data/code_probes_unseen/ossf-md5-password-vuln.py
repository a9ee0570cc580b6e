# probe: {"label": "vulnerable", "cwes": ["CWE-327"]}
import hashlib


def store_password(db, username, password):
    digest = hashlib.md5(password.encode()).hexdigest()
    db[username] = digest


def check_password(db, username, password):
    return db.get(username) == hashlib.md5(password.encode()).hexdigest()
