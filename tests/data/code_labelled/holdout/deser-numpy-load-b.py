# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "function"}
import io

import numpy as np


def load_uploaded_embeddings(file_bytes: bytes, expected_dim: int = 384) -> np.ndarray:
    """Load an .npy / .npz embeddings file a customer uploaded.

    Only plain numeric arrays are accepted: allow_pickle=False makes numpy
    refuse object arrays instead of unpickling them.
    """
    obj = np.load(io.BytesIO(file_bytes), allow_pickle=False)
    if isinstance(obj, np.lib.npyio.NpzFile):
        with obj:
            if not obj.files:
                raise ValueError("empty archive")
            obj = obj[obj.files[0]]
    if obj.dtype.kind not in "fiu":
        raise ValueError(f"unsupported dtype {obj.dtype}")
    arr = obj.astype(np.float32, copy=False)
    if arr.ndim != 2 or arr.shape[1] != expected_dim:
        raise ValueError(f"expected shape (n, {expected_dim}), got {arr.shape}")
    return arr
