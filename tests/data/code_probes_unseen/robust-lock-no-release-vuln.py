# probe: {"label": "vulnerable", "cwes": ["CWE-667"]}
import threading

_lock = threading.Lock()
_ledger = []


def append_entry(entry):
    _lock.acquire()
    if not entry.get("amount"):
        return False
    _ledger.append(entry)
    _lock.release()
    return True
