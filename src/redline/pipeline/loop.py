"""The one event loop a run lives in, and what Ctrl-C does to it.

``asyncio.run`` answers the first Ctrl-C by cancelling its task, which takes effect only at the task's next
``await``: a run interrupted during a synchronous stage (judging, statistics, reports) would finish that stage
first. Here Ctrl-C raises ``KeyboardInterrupt`` where the run is, as in any synchronous program; when it lands
while the loop waits, the run is cancelled and allowed to unwind (its ``async with`` blocks close the backends
it opened), then the interrupt goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_in_loop(main: Coroutine[Any, Any, T]) -> T:
    """Run ``main`` to completion in a new event loop, closed afterwards (like ``asyncio.run``)."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    task = loop.create_task(main)
    try:
        try:
            return loop.run_until_complete(task)
        except KeyboardInterrupt:
            if not task.done():  # interrupted while the loop waited: let the run unwind
                task.cancel()
                with contextlib.suppress(BaseException):
                    loop.run_until_complete(task)
            raise
    finally:
        try:
            left = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for t in left:
                t.cancel()
            if left:
                loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()
