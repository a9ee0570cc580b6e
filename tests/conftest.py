"""Test-wide settings: offline (only loopback sockets), REDLINE_HOME in a temp dir, no retry back-off.

The suite runs under pytest-xdist (``-n auto --dist loadgroup`` in pyproject): every test owns its paths and
environment, and the tests that share one heavy process-wide resource (the embedded model, the local Ray
instance) are kept on one worker each by an ``xdist_group``, so only one copy of it is ever started.
"""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

_real_connect = socket.socket.connect

# A shell that starts a command in the background (`cmd &` without job control) hands it SIGINT ignored, and Python
# then keeps it ignored, as does every process it starts. The Ctrl-C tests need the normal disposition: restore it
# here (in every xdist worker), so the processes the tests start inherit a default SIGINT too.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# marker -> xdist group: the tests of one group run on one worker, one after another
_XDIST_GROUPS = {"e2e": "embedded-model", "ray": "ray"}


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto`` means the CPUs this process may run on (psutil's count ignores affinity and containers)."""
    override = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    if override and override.isdigit():
        return int(override)
    return max(1, len(os.sched_getaffinity(0)))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for marker, group in _XDIST_GROUPS.items():
            if item.get_closest_marker(marker) is not None:
                item.add_marker(pytest.mark.xdist_group(group))


def _loopback_only(self: socket.socket, address: object) -> None:
    host = address[0] if isinstance(address, tuple) else None
    if isinstance(host, str) and host not in ("localhost",):
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise OSError(f"tests are offline: connection to {host} blocked")
        except ValueError:
            raise OSError(f"tests are offline: connection to {host} blocked") from None
    _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)
    monkeypatch.setenv("REDLINE_HOME", str(tmp_path_factory.mktemp("redline_home")))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    yield


@pytest.fixture
def runs_dir(tmp_path: Path) -> Path:
    return tmp_path / "runs"
