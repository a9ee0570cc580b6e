"""Typed errors. The CLI turns each into one line and exit status 2 (input) or 1 (runtime)."""

from __future__ import annotations


class RedlineError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class InputError(RedlineError):
    """Bad input from the user: a file, an option, a value. Exit status 2."""

    exit_code = 2


class SuiteError(InputError):
    """A suite file that does not load or validate; the message starts with ``file:line:``."""


class ConfigError(InputError):
    """A bad command-line option or configuration value."""


class BackendError(RedlineError):
    """A backend call failed. ``retryable`` says whether trying again may help."""

    def __init__(self, message: str, *, retryable: bool, retry_after: float | None = None,
                 kind: str | None = None) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.kind = kind or ("retryable" if retryable else "fatal")


class RunStopped(RedlineError):
    """A run stopped early (a fatal backend error, the endpoint down); re-running the same command resumes it."""


class JudgeError(RedlineError):
    """A judge could not run (tool missing, tool crashed)."""


class StoreError(InputError):
    """A run directory or record file that cannot be read or does not fit the request."""
