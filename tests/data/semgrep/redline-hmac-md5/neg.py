import hashlib, hmac
def sign(key, message):
    return hmac.new(key, message, hashlib.sha256).hexdigest()
