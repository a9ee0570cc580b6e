"""Test-wide settings: offline (only loopback sockets), REDLINE_HOME in a temp dir, no retry back-off."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

_real_connect = socket.socket.connect


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
