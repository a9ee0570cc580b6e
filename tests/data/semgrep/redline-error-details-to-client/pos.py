import traceback
def handle(job):
    try:
        return job()
    except Exception:
        return traceback.format_exc()
