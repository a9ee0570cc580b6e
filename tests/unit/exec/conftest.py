"""Shared fixtures: one namespace sandbox pool per test module (skipped where namespaces are unavailable)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from redline.judges.exec import open_pool
from redline.sandbox import SandboxPool, probe


def namespace_or_skip() -> None:
    got = probe("namespace")
    if not got.available:
        pytest.skip(f"namespace sandbox unavailable here: {got.reason}")


@pytest.fixture(scope="module")
def exec_pool() -> Iterator[SandboxPool]:
    namespace_or_skip()
    with open_pool("namespace", workers=2) as pool:
        yield pool
