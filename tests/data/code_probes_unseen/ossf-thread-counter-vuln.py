# probe: {"label": "vulnerable", "cwes": ["CWE-362"]}
import threading


class Counter:
    def __init__(self):
        self.hits = 0

    def record(self, n):
        for _ in range(n):
            self.hits += 1


def run():
    counter = Counter()
    workers = [threading.Thread(target=counter.record, args=(10000,)) for _ in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return counter.hits


if __name__ == "__main__":
    print(run())
