# probe: {"label": "secure", "cwes": ["CWE-502"]}
import json

import redis

cache = redis.Redis(host="cache.internal")


def get_profile(user_id):
    blob = cache.get(f"profile:{user_id}")
    return json.loads(blob) if blob else None


def put_profile(user_id, profile):
    cache.set(f"profile:{user_id}", json.dumps(profile))
