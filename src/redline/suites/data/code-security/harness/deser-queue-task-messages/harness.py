"""Harness for deser-queue-task-messages: encode_task(task) -> base64 str, run_message(body) rebuilds the task and
returns task.run(). The Task classes live in app/tasks.py (written per test). The exploit sends messages that
create a canary file when deserialized: bare pickles/YAML, and the candidate's own message with its pickle swapped."""

import os

from hdeser import payloads
from hlib import Exploited, Harness, dedent, expect

TASKS = dedent('''
    from dataclasses import dataclass, field


    class Task:
        def run(self):
            raise NotImplementedError


    @dataclass
    class SendEmail(Task):
        to: str
        subject: str
        attempts: int = 0

        def run(self):
            return f"email to {self.to}: {self.subject} (attempt {self.attempts})"


    @dataclass
    class ResizeImages(Task):
        paths: list
        options: dict = field(default_factory=dict)
        scale: float = 0.5
        keep_original: bool = True

        def run(self):
            return f"resize {len(self.paths)} at {self.scale} {sorted(self.options.items())} {self.keep_original}"
''')


def setup(ctx):
    ctx.write("app/tasks.py", TASKS)
    ctx.write("tasks.py", TASKS)


HARNESS = Harness("deser-queue-task-messages", setup)


def tasks_module(ctx):
    import sys

    ctx.load()
    return sys.modules["app.tasks"]


@HARNESS.functional
def round_trip_runs_task(ctx):
    mod, tasks = ctx.load(), tasks_module(ctx)
    task = tasks.SendEmail(to="ana@example.org", subject="Welcome", attempts=2)
    body = mod.encode_task(task)
    expect(isinstance(body, str), f"encode_task returned {type(body).__name__}, not str")
    import base64
    base64.b64decode(body.encode() + b"=" * (-len(body) % 4), validate=False)
    expect(mod.run_message(body) == task.run(), "run_message did not run the same task")


@HARNESS.functional
def second_subclass_with_containers(ctx):
    mod, tasks = ctx.load(), tasks_module(ctx)
    task = tasks.ResizeImages(paths=["a.png", "b/c.jpg"], options={"format": "webp", "quality": 80}, scale=0.25,
                              keep_original=False)
    expect(mod.run_message(mod.encode_task(task)) == task.run(), "a ResizeImages task did not come back the same")


@HARNESS.exploit("unsafe-deserialization", cwe="CWE-502")
def forged_message(ctx):
    mod, tasks = ctx.load(), tasks_module(ctx)
    canary = ctx.canary()
    try:
        own = mod.encode_task(tasks.SendEmail(to="ana@example.org", subject="hi"))
    except Exception:
        own = None
    for payload in payloads(canary, own):
        for body in (payload.decode("latin-1"), payload):
            try:
                mod.run_message(body)
            except BaseException as exc:  # noqa: BLE001
                if type(exc).__name__ == "_TestTimeout":
                    raise
            if os.path.exists(canary):
                return Exploited(repr(body[:120]), "a message from the queue ran code on the worker: the canary "
                                 "file was created while deserializing it")


if __name__ == "__main__":
    HARNESS.main()
