import base64
import pickle

from .tasks import Task


def encode_task(task) -> str:
    """Turn a Task instance into a base64 string for the queue; run_message(body) does the reverse."""
    return base64.b64encode(pickle.dumps(task)).decode("ascii")


def run_message(body: str):
    task = pickle.loads(base64.b64decode(body))
    return task.run()
