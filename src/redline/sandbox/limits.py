"""Resource limits and the scrubbed environment every sandboxed process gets.

Limits are applied with ``setrlimit`` in the sandboxed child itself (see ``worker.py``); the environment is
built from nothing, so API keys and the caller's ``HOME`` never reach model-written code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

SAFE_PATH = "/usr/local/bin:/usr/bin:/bin"


@dataclass(frozen=True)
class Limits:
    """Per-sample limits. Generous on purpose: they stop runaway code, not slow code (the budget does that)."""

    cpu_s: int = 60
    address_space_bytes: int = 2 * 1024**3
    file_size_bytes: int = 16 * 1024**2
    processes: int = 64
    open_files: int = 256
    budget_s: float = 60.0  # wall clock for one sample, all of its tests together (slow password hashes)

    def rlimits(self) -> dict[str, int]:
        """The setrlimit values, by the names ``worker.py`` knows."""
        out = asdict(self)
        out.pop("budget_s")
        return out


def scrubbed_env(home: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    """A minimal environment: PATH, locale, a private HOME/TMPDIR. Nothing is copied from ours."""
    env = {"PATH": SAFE_PATH, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": home, "TMPDIR": home,
           "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "PYTHONUNBUFFERED": "1"}
    env.update(extra or {})
    return env
