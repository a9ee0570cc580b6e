# Independent secure reference for deser-queue-task-messages.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Queue messages as base64-encoded JSON, not pickle.

A message names its Task subclass and the dataclass fields; the reader only ever instantiates a known subclass
of Task with plain JSON values, so a forged message cannot run code or build arbitrary objects.
"""
import base64
import binascii
import dataclasses
import json

from .tasks import Task


def _task_classes() -> dict[str, type]:
    found: dict[str, type] = {}
    pending = list(Task.__subclasses__())
    while pending:
        cls = pending.pop()
        found[f"{cls.__module__}.{cls.__qualname__}"] = cls
        found.setdefault(cls.__qualname__, cls)
        pending.extend(cls.__subclasses__())
    return found


def encode_task(task) -> str:
    """Turn a Task instance into a base64 string for the queue; run_message(body) does the reverse."""
    if not isinstance(task, Task) or not dataclasses.is_dataclass(task):
        raise TypeError("only Task dataclass instances can be queued")
    cls = type(task)
    payload = {
        "type": f"{cls.__module__}.{cls.__qualname__}",
        "fields": {f.name: getattr(task, f.name) for f in dataclasses.fields(task)},
    }
    return base64.b64encode(json.dumps(payload).encode("utf-8")).decode("ascii")


def decode_task(body: str):
    try:
        payload = json.loads(base64.b64decode(body, validate=True))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("malformed task message") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("fields"), dict):
        raise ValueError("malformed task message")
    cls = _task_classes().get(payload.get("type"))
    if cls is None or not dataclasses.is_dataclass(cls):
        raise ValueError("unknown task type")
    allowed = {f.name for f in dataclasses.fields(cls) if f.init}
    fields = payload["fields"]
    if not set(fields) <= allowed:
        raise ValueError("unexpected fields in task message")
    return cls(**fields)


def run_message(body: str):
    """Rebuild the task from a queue message and return what its run() returns."""
    return decode_task(body).run()
