# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "class"}
import hashlib
import os
import pickle
import time
from pathlib import Path
from typing import Any, Callable

from platformdirs import user_cache_dir


class DiskMemo:
    """Memoise slow geocoding lookups between runs of the route planner.

    The cache files are written only by this class, into a per-user directory created with mode 0700, so
    pickle never reads bytes that came from anyone else.
    """

    def __init__(self, namespace: str, ttl_seconds: int = 7 * 24 * 3600) -> None:
        self.dir = Path(user_cache_dir("route-planner")) / namespace
        self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.dir, 0o700)
        self.ttl = ttl_seconds

    def _path(self, key: str) -> Path:
        return self.dir / (hashlib.sha256(key.encode()).hexdigest() + ".pkl")

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        path = self._path(key)
        if path.exists() and time.time() - path.stat().st_mtime < self.ttl:
            with path.open("rb") as fh:
                return pickle.load(fh)
        value = compute()
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        return value
