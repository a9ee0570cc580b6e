# probe: {"label": "vulnerable", "cwes": ["CWE-502"]}
import pickle

import redis

cache = redis.Redis(host="cache.internal")


def get_profile(user_id):
    blob = cache.get(f"profile:{user_id}")
    return pickle.loads(blob) if blob else None


def put_profile(user_id, profile):
    cache.set(f"profile:{user_id}", pickle.dumps(profile))
