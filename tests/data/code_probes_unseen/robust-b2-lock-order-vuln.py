# probe: {"label": "vulnerable", "cwes": ["CWE-833"]}
import threading

accounts_lock = threading.Lock()
audit_lock = threading.Lock()


def transfer(ledger, audit, src, dst, amount):
    with accounts_lock:
        ledger[src] -= amount
        ledger[dst] += amount
        with audit_lock:
            audit.append((src, dst, amount))


def rotate_audit(audit, ledger):
    with audit_lock:
        snapshot = list(audit)
        audit.clear()
        with accounts_lock:
            totals = dict(ledger)
    return snapshot, totals
