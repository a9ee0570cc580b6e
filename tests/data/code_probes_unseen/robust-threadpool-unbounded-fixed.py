# probe: {"label": "secure", "cwes": ["CWE-770"]}
from concurrent.futures import ThreadPoolExecutor


def handle(job):
    job.run()


def dispatch(jobs):
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(handle, jobs))
