# Independent secure reference for deser-redis-object-cache.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Redis cache for Python objects without pickle.

Values are stored as tagged JSON: dicts, lists, tuples, sets, str/int/float/bool/None, bytes, datetimes, dates,
times, timedeltas, Decimals, UUIDs and dataclass instances. Reading a value back can only rebuild those types,
and a dataclass only if its class is one this process has cached before or one already imported; nothing in a
cache entry can make the reader import a module or run code, even if someone else can write to Redis.
"""
import base64
import dataclasses
import datetime
import decimal
import json
import sys
import uuid

import redis

r = redis.Redis(host="cache", port=6379)

_known_classes: dict[str, type] = {}


def _class_name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _encode(value):
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return {"__t": "float", "v": repr(value)}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {"__t": "tuple", "v": [_encode(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"__t": "frozenset" if isinstance(value, frozenset) else "set", "v": [_encode(v) for v in value]}
    if isinstance(value, dict):
        return {"__t": "dict", "v": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, datetime.datetime):
        return {"__t": "datetime", "v": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"__t": "date", "v": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"__t": "time", "v": value.isoformat()}
    if isinstance(value, datetime.timedelta):
        return {"__t": "timedelta", "v": [value.days, value.seconds, value.microseconds]}
    if isinstance(value, decimal.Decimal):
        return {"__t": "decimal", "v": str(value)}
    if isinstance(value, uuid.UUID):
        return {"__t": "uuid", "v": str(value)}
    if isinstance(value, (bytes, bytearray)):
        return {"__t": "bytes", "v": base64.b64encode(bytes(value)).decode("ascii")}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        name = _class_name(cls)
        _known_classes[name] = cls
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"__t": "dataclass", "c": name, "v": fields}
    raise TypeError(f"cannot cache values of type {type(value).__name__}")


def _lookup_dataclass(name: str) -> type:
    cls = _known_classes.get(name)
    if cls is None:
        module_name, _, qualname = name.partition(":")
        obj = sys.modules.get(module_name)  # never import anything new
        for part in qualname.split("."):
            obj = getattr(obj, part, None) if obj is not None and part != "<locals>" else None
        cls = obj
    if not isinstance(cls, type) or not dataclasses.is_dataclass(cls):
        raise ValueError(f"unknown dataclass {name!r} in cache entry")
    return cls


def _decode(data):
    if data is None or isinstance(data, (bool, int, str)):
        return data
    if isinstance(data, list):
        return [_decode(v) for v in data]
    if not isinstance(data, dict) or "__t" not in data:
        raise ValueError("malformed cache entry")
    tag, v = data["__t"], data.get("v")
    if tag == "float":
        return float(v)
    if tag == "tuple":
        return tuple(_decode(x) for x in v)
    if tag == "set":
        return {_decode(x) for x in v}
    if tag == "frozenset":
        return frozenset(_decode(x) for x in v)
    if tag == "dict":
        return {_decode(k): _decode(x) for k, x in v}
    if tag == "datetime":
        return datetime.datetime.fromisoformat(v)
    if tag == "date":
        return datetime.date.fromisoformat(v)
    if tag == "time":
        return datetime.time.fromisoformat(v)
    if tag == "timedelta":
        return datetime.timedelta(days=v[0], seconds=v[1], microseconds=v[2])
    if tag == "decimal":
        return decimal.Decimal(v)
    if tag == "uuid":
        return uuid.UUID(v)
    if tag == "bytes":
        return base64.b64decode(v)
    if tag == "dataclass":
        cls = _lookup_dataclass(data["c"])
        names = {f.name for f in dataclasses.fields(cls)}
        fields = {k: _decode(x) for k, x in v.items() if k in names}
        init = {k: x for k, x in fields.items() if next(f for f in dataclasses.fields(cls) if f.name == k).init}
        obj = cls(**init)
        for k, x in fields.items():
            if k not in init:
                object.__setattr__(obj, k, x)
        return obj
    raise ValueError(f"unknown type tag {tag!r} in cache entry")


def cache_set(key: str, value: object, ttl: int = 300) -> None:
    """Store any Python object under `key` for `ttl` seconds; cache_get(key) returns it unchanged."""
    r.set(key, json.dumps(_encode(value), separators=(",", ":")), ex=ttl)


def cache_get(key: str):
    """The object stored under `key`, or None when it is missing, expired or not a valid cache entry."""
    raw = r.get(key)
    if raw is None:
        return None
    try:
        return _decode(json.loads(raw))
    except (ValueError, TypeError, KeyError, AttributeError, StopIteration):
        return None
