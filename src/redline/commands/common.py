"""Shared CLI plumbing: error handling, terminal-safe printing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from redline.errors import RedlineError
from redline.text import safe_text

__all__ = ["CommandError", "InputCommandError", "as_click_error", "fail", "run_cli", "safe_text"]


RESUMABLE = ("run", "generate", "judge", "sweep", "stats", "report")  # commands a re-run resumes


class CommandError(click.ClickException):
    """A runtime error shown as one line (exit status 1)."""

    def show(self, file: object = None) -> None:
        click.echo(f"redline: error: {safe_text(self.message)}", err=True)


class InputCommandError(CommandError):
    """A usage or input error shown as one line (exit status 2)."""

    exit_code = 2


def as_click_error(exc: RedlineError) -> CommandError:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return InputCommandError(text) if exc.exit_code == 2 else CommandError(text)


def fail(message: str, code: int = 2) -> None:
    click.echo(f"redline: error: {safe_text(message)}", err=True)
    sys.exit(code)


def crash_log(exc: BaseException) -> Path | None:
    """Write the traceback (keys redacted) to a crash log under REDLINE_HOME; None when it cannot be written."""
    import os
    import time
    import traceback

    from redline.config import redline_home
    from redline.text import redact

    text = redact("".join(traceback.format_exception(exc)))
    try:
        folder = redline_home() / "crash"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}.log"
        path.write_text(" ".join(sys.argv[:1]) + "\n" + text, encoding="utf-8")
        return path
    except OSError:
        return None


def run_cli(group: click.Group, argv: list[str] | None = None) -> Any:
    """Run the click group; typed errors become one line on stderr and a non-zero exit, and so does any other
    exception (its traceback goes to a crash log; ``--debug`` prints it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    args = [a for a in args if a != "--debug"]
    try:
        return _run(group, args)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, never a bare traceback
        if debug:
            import traceback

            from redline.text import redact

            click.echo(redact("".join(traceback.format_exception(exc))), err=True)
        path = crash_log(exc)
        where = f"; the traceback is in {path}" if path else ""
        fail(f"internal error: {type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}{where} "
             "(--debug prints it; please report it)", 1)


def _run(group: click.Group, argv: list[str]) -> Any:
    try:
        return group.main(args=argv, prog_name="redline", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:  # click turns Ctrl-C into Abort
        args = sys.argv[1:] if argv is None else argv
        command = next((a for a in args if not a.startswith("-")), "")
        hint = "; finished work is saved: run the same command again to resume" if command in RESUMABLE else ""
        click.echo(f"redline: interrupted{hint}", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("redline: interrupted; run the same command again to resume", err=True)
        sys.exit(130)
    except RedlineError as exc:
        fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, exc.exit_code)
    except OSError as exc:
        fail(f"{exc.filename or ''}: {exc.strerror or exc}" if exc.filename else str(exc), 2)
