import datetime
import json


def _encode(value):
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dict):
        return {"$dict": {key: _encode(item) for key, item in value.items()}}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    return value


def _decode(value):
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if set(value) == {"$datetime"}:
            return datetime.datetime.fromisoformat(value["$datetime"])
        if set(value) == {"$dict"} and isinstance(value["$dict"], dict):
            return {key: _decode(item) for key, item in value["$dict"].items()}
        raise ValueError("not a workspace file")
    return value


def export_workspace(state: dict) -> bytes:
    """Turn the workspace state into the bytes of a downloadable file (read back by import_workspace)."""
    return json.dumps({"format": "workspace/1", "state": _encode(state)}).encode("utf-8")


def import_workspace(data: bytes) -> dict:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError("not a workspace file") from exc
    if not isinstance(doc, dict) or doc.get("format") != "workspace/1":
        raise ValueError("not a workspace file")
    state = _decode(doc.get("state"))
    if not isinstance(state, dict):
        raise ValueError("not a workspace file")
    return state
