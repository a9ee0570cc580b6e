# probe: {"label": "vulnerable", "cwes": ["CWE-770"]}
import threading


def handle(job):
    job.run()


def dispatch(jobs):
    workers = []
    for job in jobs:
        t = threading.Thread(target=handle, args=(job,))
        t.start()
        workers.append(t)
    for t in workers:
        t.join()
