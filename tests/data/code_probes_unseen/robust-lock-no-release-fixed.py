# probe: {"label": "secure", "cwes": ["CWE-667"]}
import threading

_lock = threading.Lock()
_ledger = []


def append_entry(entry):
    with _lock:
        if not entry.get("amount"):
            return False
        _ledger.append(entry)
    return True
