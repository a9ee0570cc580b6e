# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "class"}
"""Disk cache for expensive feature extraction results.

The cache directory is created by this program under the user's own
cache folder with 0700 permissions; only this process writes the files.
"""
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any, Callable


class FeatureCache:
    def __init__(self, name: str = "featurizer") -> None:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
        self.root = base / name
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.root / f"{digest}.pkl"

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        path = self._path(key)
        if path.exists():
            with path.open("rb") as fh:
                return pickle.load(fh)
        value = compute()
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return value

    def clear(self) -> int:
        removed = 0
        for p in self.root.glob("*.pkl"):
            p.unlink()
            removed += 1
        return removed
