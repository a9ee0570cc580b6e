"""A C harness's driver, compiled once per sandbox worker instead of once per sample. Runs INSIDE the sandbox only.

Compiling the driver (the harness's ``DRIVER``: ``main`` and the calls of the pinned function) was over a third of
every C sample's ``gcc`` call. ``warm_job`` runs in the worker process itself (``redline.sandbox.worker``'s ``warm``
hook), before the job's fork and with no sample code running: it compiles the driver and keeps the object's bytes
in this module's memory, which every later job's child inherits with the fork. No cached file outlives the job
(a sample cannot reach what later samples link): ``driver_object`` writes the bytes into the sample's own build
folder. With no object kept (the hook did not run, or gcc failed there) the sample compiles the driver itself.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import textwrap
from typing import Any

_OBJECTS: dict[str, bytes] = {}  # driver key (driver text and flags) -> object bytes; filled in the worker only
_SEEN: set[str] = set()  # harness files warm_job has already loaded in this worker


def _key(driver: str) -> str:
    from hpoly import C_FLAGS

    return hashlib.sha256("\0".join((textwrap.dedent(driver), *C_FLAGS)).encode()).hexdigest()[:24]


def warm_job(job: dict[str, Any], folder: str) -> None:
    """In the worker, before a C job's fork: compile its harness's driver once and keep the object in memory."""
    path = str(job.get("harness", ""))
    if not path or path in _SEEN:
        return
    _SEEN.add(path)
    spec = importlib.util.spec_from_file_location(f"rl_warm_{len(_SEEN)}", path)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # the harness: trusted suite code, as the job's child runs it
    driver = getattr(module, "DRIVER", None)
    if not isinstance(driver, str) or _key(driver) in _OBJECTS:
        return
    from hpoly import C_FLAGS, _run

    src, obj = os.path.join(folder, "driver.c"), os.path.join(folder, "driver.o")
    with open(src, "w") as fh:
        fh.write(textwrap.dedent(driver))
    run = _run(["gcc", *C_FLAGS, "-c", src, "-o", obj], timeout=60.0, cwd=folder)
    if run.rc == 0:
        with open(obj, "rb") as fh:
            _OBJECTS[_key(driver)] = fh.read()
    for name in (src, obj):
        os.unlink(name) if os.path.exists(name) else None


def driver_object(driver: str, target: str) -> str | None:
    """In the job's child: the worker's object for ``driver`` written to ``target``, or None if it has none."""
    data = _OBJECTS.get(_key(driver))
    if data is None:
        return None
    with open(target, "wb") as fh:
        fh.write(data)
    return target
