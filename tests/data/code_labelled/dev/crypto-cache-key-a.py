# redline-label: {"label": "secure", "cwes": ["CWE-328"], "task": null, "category": "crypto-random", "style": "function"}
"""Memoise rendered map tiles on disk.

The cache key only has to spread entries across directories and be stable
between runs; nothing here is secret or authenticated.
"""
import hashlib
import json
from pathlib import Path
from typing import Callable

CACHE_ROOT = Path("/var/cache/tiles")


def cache_key(layer: str, z: int, x: int, y: int, style: dict) -> str:
    blob = json.dumps([layer, z, x, y, style], sort_keys=True).encode()
    return hashlib.md5(blob).hexdigest()


def get_tile(layer: str, z: int, x: int, y: int, style: dict, render: Callable[..., bytes]) -> bytes:
    key = cache_key(layer, z, x, y, style)
    path = CACHE_ROOT / key[:2] / f"{key}.png"
    if path.exists():
        return path.read_bytes()
    png = render(layer, z, x, y, style)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return png
