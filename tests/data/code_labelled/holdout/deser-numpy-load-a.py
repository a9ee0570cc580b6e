# redline-label: {"label": "vulnerable", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "function"}
import io

import numpy as np


def load_uploaded_embeddings(file_bytes: bytes, expected_dim: int = 384) -> np.ndarray:
    """Load an .npy / .npz embeddings file a customer uploaded.

    Some customers export object arrays (e.g. with ids attached), so
    pickled arrays are allowed.
    """
    obj = np.load(io.BytesIO(file_bytes), allow_pickle=True)
    if isinstance(obj, np.lib.npyio.NpzFile):
        obj = obj[obj.files[0]]
    arr = np.asarray(obj, dtype=np.float32)
    if arr.ndim != 2 or arr.shape[1] != expected_dim:
        raise ValueError(f"expected shape (n, {expected_dim}), got {arr.shape}")
    return arr
