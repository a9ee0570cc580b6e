import datetime
import gzip
import pickle


def export_workspace(state: dict) -> bytes:
    """Turn the workspace state into the bytes of a downloadable file (read back by import_workspace)."""
    return gzip.compress(pickle.dumps(state))


def import_workspace(data: bytes) -> dict:
    try:
        state = pickle.loads(gzip.decompress(data))
    except Exception as exc:
        raise ValueError("not a workspace file") from exc
    if not isinstance(state, dict):
        raise ValueError("not a workspace file")
    return state
