import base64
import dataclasses
import json

from .tasks import Task


def _task_types() -> dict[str, type]:
    found: dict[str, type] = {}
    todo = [Task]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            found[sub.__name__] = sub
            todo.append(sub)
    return found


def encode_task(task) -> str:
    """Turn a Task instance into a base64 string for the queue; run_message(body) does the reverse."""
    doc = {"type": type(task).__name__, "fields": dataclasses.asdict(task)}
    return base64.b64encode(json.dumps(doc).encode()).decode()


def run_message(body: str):
    doc = json.loads(base64.b64decode(body, validate=True))
    cls = _task_types().get(doc.get("type"))
    if cls is None:
        raise ValueError(f"unknown task type {doc.get('type')!r}")
    return cls(**doc["fields"]).run()
