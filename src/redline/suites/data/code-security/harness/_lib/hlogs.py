"""What a candidate writes to its logs, for the sensitive-logging exploits (sandbox only): every logging record
(a handler on the root logger and on any logger that does not propagate), what it prints, and any ``*.log`` file
it writes in the test's directory."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from typing import Any


class LogCapture:
    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        self.out = io.StringIO()

    def attach(self) -> LogCapture:
        """Call after ``ctx.load()``. A root logger the candidate left unconfigured is set to DEBUG (its records
        reach the log of whoever turns debugging on); levels the candidate set are kept."""
        root = logging.getLogger()
        if not root.handlers and root.level == logging.WARNING:
            root.setLevel(logging.DEBUG)
        loggers = [root] + [lg for lg in logging.Logger.manager.loggerDict.values()
                            if isinstance(lg, logging.Logger) and not lg.propagate]
        for logger in loggers:
            logger.addHandler(self.handler)
            self.ctx.cleanups.append(lambda lg=logger: lg.removeHandler(self.handler))
        return self

    @contextlib.contextmanager
    def calls(self) -> Any:
        """Run candidate code with its prints captured as well."""
        with contextlib.redirect_stdout(self.out), contextlib.redirect_stderr(self.out):
            yield

    def text(self) -> str:
        for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
            for handler in getattr(logger, "handlers", []):
                with contextlib.suppress(Exception):
                    handler.flush()
        parts = [self.stream.getvalue(), self.out.getvalue()]
        for base, _, names in os.walk(self.ctx.dir):
            for name in names:
                if name.endswith((".log", ".txt")) or "log" in name:
                    with contextlib.suppress(OSError), open(os.path.join(base, name), errors="replace") as fh:
                        parts.append(fh.read())
        return "\n".join(parts)


def capture(ctx: Any) -> LogCapture:
    ctx.load()
    return LogCapture(ctx).attach()


__all__ = ["LogCapture", "capture", "sys"]
