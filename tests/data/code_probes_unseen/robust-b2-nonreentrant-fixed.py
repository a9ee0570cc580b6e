# probe: {"label": "secure", "cwes": ["CWE-667"]}
import threading


class Inventory:
    def __init__(self):
        self._lock = threading.Lock()
        self._items = {}

    def _add_locked(self, sku, qty):
        self._items[sku] = self._items.get(sku, 0) + qty

    def add(self, sku, qty):
        with self._lock:
            self._add_locked(sku, qty)

    def restock(self, batch):
        with self._lock:
            for sku, qty in batch.items():
                self._add_locked(sku, qty)
