import datetime
import json


def _default(obj):
    if isinstance(obj, datetime.datetime):
        return {"__dt__": obj.isoformat()}
    raise TypeError(f"cannot save {type(obj).__name__}")


def _hook(obj):
    if len(obj) == 1 and "__dt__" in obj:
        return datetime.datetime.fromisoformat(obj["__dt__"])
    return obj


def export_workspace(state: dict) -> bytes:
    return json.dumps(state, default=_default, ensure_ascii=False).encode("utf-8")


def import_workspace(data: bytes) -> dict:
    state = json.loads(data, object_hook=_hook)
    if not isinstance(state, dict):
        raise ValueError("not a workspace file")
    return state
