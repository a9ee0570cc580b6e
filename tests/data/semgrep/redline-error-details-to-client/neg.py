import logging
def handle(job):
    try:
        return job()
    except Exception:
        logging.exception("job failed")
        return "internal error"
