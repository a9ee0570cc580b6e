# Independent secure reference for deser-workspace-state-file, written from the task prompt only (without seeing the harness tests).
"""Workspace files as tagged JSON: reading one can only produce plain data and datetimes (no pickle, no objects)."""
import datetime
import json

MAGIC = "diagram-workspace"
VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
_DT = "$datetime"
_MAP = "$map"  # wraps a user dict whose own keys start with "$", so they can never be read as a tag


def _encode(value: object) -> object:
    if isinstance(value, datetime.datetime):
        return {_DT: value.isoformat()}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise ValueError("workspace dict keys must be strings")
        encoded = {k: _encode(v) for k, v in value.items()}
        return {_MAP: encoded} if any(k.startswith("$") for k in value) else encoded
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise ValueError(f"a workspace cannot hold a {type(value).__name__}")


def _decode(value: object) -> object:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        tags = [k for k in value if k.startswith("$")]
        if tags:
            if len(value) != 1:
                raise ValueError("malformed workspace file")
            tag, inner = next(iter(value.items()))
            if tag == _DT and isinstance(inner, str):
                try:
                    return datetime.datetime.fromisoformat(inner)
                except ValueError:
                    raise ValueError("malformed date in workspace file") from None
            if tag == _MAP and isinstance(inner, dict):
                return {k: _decode(v) for k, v in inner.items()}
            raise ValueError("malformed workspace file")
        return {k: _decode(v) for k, v in value.items()}
    return value


def export_workspace(state: dict) -> bytes:
    """Turn the workspace state into the bytes of a downloadable file (read back by import_workspace)."""
    if not isinstance(state, dict):
        raise ValueError("the workspace state must be a dict")
    document = {"format": MAGIC, "version": VERSION, "state": _encode(state)}
    return json.dumps(document, ensure_ascii=False, allow_nan=True, separators=(",", ":")).encode("utf-8")


def import_workspace(data: bytes) -> dict:
    """Turn the bytes of an uploaded workspace file back into the state; ValueError for anything else.

    The file is parsed as JSON only: its content is data, never code or class names to instantiate.
    """
    if not isinstance(data, (bytes, bytearray)) or len(data) > MAX_FILE_BYTES:
        raise ValueError("not a workspace file")
    try:
        document = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ValueError("not a workspace file") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != MAGIC
        or document.get("version") != VERSION
        or not isinstance(document.get("state"), dict)
    ):
        raise ValueError("not a workspace file")
    try:
        state = _decode(document["state"])
    except RecursionError:
        raise ValueError("the workspace file is nested too deeply") from None
    if not isinstance(state, dict):
        raise ValueError("not a workspace file")
    return state
