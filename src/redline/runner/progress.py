"""A rich progress bar on stderr: done / total, errors, throughput, elapsed time and an ETA."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from redline.records import Generation


@contextmanager
def generation_progress(total: int, *, enabled: bool = True) -> Iterator[Callable[[Generation], None]]:
    if not enabled or total == 0:
        yield lambda gen: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    counts = {"errors": 0, "tokens": 0}
    with Progress(TextColumn("generating"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[errors]} errors"), TextColumn("{task.fields[rate]} tok/s"),
                  TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console,
                  transient=False) as bar:
        task = bar.add_task("generate", total=total, errors=0, rate="-")

        def update(gen: Generation) -> None:
            if not gen.ok:
                counts["errors"] += 1
            counts["tokens"] += gen.usage.completion_tokens
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{counts['tokens'] / elapsed:.0f}" if elapsed > 0 else "-"
            bar.update(task, advance=1, errors=counts["errors"], rate=rate)

        yield update
