"""Entry point for plain scripts in the sandbox worker: run ``job['script']`` and report how it ended.

Stdlib only; loaded by ``worker.py`` inside the sandbox, never by redline itself.
"""

from __future__ import annotations

import json
import os
import runpy
import traceback
from typing import Any


def run(job: dict[str, Any], jobdir: str, result_fd: int) -> None:
    status: dict[str, Any] = {"kind": "script", "exit": 0}
    try:
        runpy.run_path(os.path.join(jobdir, job["script"]), run_name="__main__")
    except SystemExit as exc:
        status["exit"] = exc.code if isinstance(exc.code, int) else 1
    except BaseException as exc:  # noqa: BLE001 - report, never propagate
        status.update(exit=1, error=f"{type(exc).__name__}: {exc}", trace=traceback.format_exc()[-800:])
    os.write(result_fd, (json.dumps(status) + "\n").encode())
