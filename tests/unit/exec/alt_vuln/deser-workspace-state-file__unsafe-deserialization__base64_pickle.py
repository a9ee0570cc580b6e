import base64
import pickle


def export_workspace(state: dict) -> bytes:
    return base64.b64encode(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


def import_workspace(data: bytes) -> dict:
    return pickle.loads(base64.b64decode(data, validate=True))
