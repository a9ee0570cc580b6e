import hashlib, hmac
def sign(key, message):
    return hmac.new(key, message, hashlib.md5).hexdigest()
