"""``python -m redline`` and the ``redline`` script: Ctrl-C while the command-line modules are still loading
exits quietly with status 130, as Ctrl-C does once a command runs, instead of printing an import traceback."""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _quiet_exit(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write("redline: interrupted\n")
    raise SystemExit(130)


def run() -> None:
    previous = signal.signal(signal.SIGINT, _quiet_exit)
    from redline.cli import main

    signal.signal(signal.SIGINT, previous)
    main()


if __name__ == "__main__":
    run()
