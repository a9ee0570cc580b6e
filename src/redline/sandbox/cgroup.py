"""A pids cgroup per sandbox, where this process may create one: a hard cap on processes that holds even where
``RLIMIT_NPROC`` does not (root-owned user namespaces on some kernels ignore it).

Optional by design: without a writable pids controller the worker's own process-count watchdog still applies.
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

CANDIDATE_ROOTS = (Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup"))
_counter = itertools.count()


def _root() -> Path | None:
    for root in CANDIDATE_ROOTS:
        if not (root / "cgroup.procs").is_file() or not os.access(root, os.W_OK):
            continue
        if root.name == "pids":
            return root  # cgroup v1 pids hierarchy
        control = root / "cgroup.subtree_control"
        if control.is_file() and "pids" in control.read_text(errors="replace").split():
            return root  # cgroup v2 with the pids controller enabled for children
    return None


class PidsCgroup:
    """``create()`` makes the group (or returns None); ``join()`` runs in the child before exec."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def create(cls, max_pids: int) -> PidsCgroup | None:
        root = _root()
        if root is None:
            return None
        path = root / f"redline-sbx-{os.getpid()}-{next(_counter)}"
        try:
            path.mkdir()
            (path / "pids.max").write_text(str(max_pids))
        except OSError:
            return None
        return cls(path)

    def join(self) -> None:
        (self.path / "cgroup.procs").write_text(str(os.getpid()))

    def remove(self) -> None:
        """Remove the group; its last processes may take a moment to be gone after a kill."""
        for _ in range(200):
            try:
                self.path.rmdir()
                return
            except FileNotFoundError:
                return
            except OSError:
                time.sleep(0.01)
