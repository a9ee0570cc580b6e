import pickle

import redis

r = redis.Redis(host="cache", port=6379)


def cache_set(key: str, value: object, ttl: int = 300) -> None:
    """Store any Python object under `key` for `ttl` seconds; cache_get(key) returns it unchanged."""
    r.set(key, pickle.dumps(value), ex=ttl)


def cache_get(key: str):
    data = r.get(key)
    return pickle.loads(data) if data is not None else None
