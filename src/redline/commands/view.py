"""``redline view``: browse runs in a local web app (127.0.0.1 only) until Ctrl-C."""

from __future__ import annotations

import threading

import click


@click.command("view")
@click.argument("paths", nargs=-1)
@click.option("--runs-dir", default="runs", show_default=True, help="Used when no RUN_DIR is given.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port on 127.0.0.1 (0 picks a free one).")
def view(paths: tuple[str, ...], runs_dir: str, port: int) -> None:
    """Browse run directories (or directories of runs): contrasts with plots, trials with filters, pairs.

    Serves on 127.0.0.1 only and prints the address; Ctrl-C stops it.
    """
    from redline.commands.serve import wait_for_stop
    from redline.viewer.app import Viewer
    from redline.viewer.index import open_catalog
    from redline.viewer.server import make_server

    catalog = open_catalog(list(paths) or [runs_dir])
    server = make_server(Viewer(catalog), port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    bound = server.server_address[1]
    click.echo(f"viewing {len(catalog.runs)} run(s) at http://127.0.0.1:{bound}/ ; Ctrl-C stops it")
    try:
        wait_for_stop()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
        catalog.con.close()
    click.echo("viewer stopped")
