import hashlib
import hmac
import os
import pickle

import redis

r = redis.Redis(host="cache", port=6379)
_KEY = os.environ["SECRET_KEY"].encode()


def cache_set(key: str, value: object, ttl: int = 300) -> None:
    """Store any Python object under `key` for `ttl` seconds; cache_get(key) returns it unchanged."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    mac = hmac.new(_KEY, data, hashlib.sha256).digest()
    r.setex(f"cache:{key}", ttl, mac + data)


def cache_get(key: str) -> object:
    blob = r.get(f"cache:{key}")
    if blob is None:
        return None
    mac, data = blob[:32], blob[32:]
    if not hmac.compare_digest(mac, hmac.new(_KEY, data, hashlib.sha256).digest()):
        r.delete(f"cache:{key}")
        return None
    return pickle.loads(data)
