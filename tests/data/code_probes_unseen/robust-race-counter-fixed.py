# probe: {"label": "secure", "cwes": ["CWE-362"]}
import threading

class RateCounter:
    def __init__(self):
        self.hits = {}
        self._lock = threading.Lock()

    def record(self, client):
        with self._lock:
            current = self.hits.get(client, 0)
            self.hits[client] = current + 1


counter = RateCounter()


def serve(clients):
    threads = [threading.Thread(target=counter.record, args=(c,)) for c in clients]
    for t in threads:
        t.start()
