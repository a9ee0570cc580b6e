"""``redline serve``: the embedded model over HTTP on localhost, with the `redline run` line that matches it."""

from __future__ import annotations

import signal
import threading
from typing import Any

import click


def wait_for_stop() -> None:
    """Block until Ctrl-C or SIGTERM (both arrive as KeyboardInterrupt)."""

    def _term(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _term)
    try:
        threading.Event().wait()
    finally:
        signal.signal(signal.SIGTERM, previous)


@click.command("serve")
@click.option("--parallel", "slots", type=click.IntRange(1, 64), default=4, show_default=True,
              help="Server slots: requests decoded together.")
@click.option("--threads", type=click.IntRange(1, 1024), default=None,
              help="CPU threads (default: cores - 1, at least 1).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True,
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--ctx", "n_ctx", type=click.IntRange(256, 131072), default=4096, show_default=True,
              help="Context tokens per slot.")
def serve(slots: int, threads: int | None, port: int, n_ctx: int) -> None:
    """Serve the embedded model (Gemma 3 270M) as an OpenAI-compatible API on localhost until Ctrl-C.

    Prints the --base-url to use and the matching --concurrency (one request per slot).
    """
    from redline.backends.serve import start_embedded_server

    served = start_embedded_server(slots=slots, threads=threads, port=port, n_ctx=n_ctx)
    try:
        click.echo(f"serving embedded/gemma-3-270m at {served.base_url} "
                   f"({served.slots} slot{'s' if served.slots != 1 else ''}, {served.threads} "
                   f"thread{'s' if served.threads != 1 else ''}); Ctrl-C stops it")
        click.echo(f"base url: {served.base_url}")
        click.echo(f"slots: {served.slots} (use --concurrency {served.slots})")
        click.echo(f"audit it: redline run --model openai/gemma-3-270m --base-url {served.base_url} "
                   f"--concurrency {served.slots} --code-mode autocomplete")
        wait_for_stop()
    except KeyboardInterrupt:
        pass
    finally:
        served.close()
    click.echo("server stopped")
