# probe: {"label": "secure", "cwes": ["CWE-190"]}
import numpy as np


def total_bytes(sizes):
    """Sum file sizes reported by clients."""
    arr = np.array(sizes, dtype=np.int64)
    if (arr < 0).any():
        raise ValueError("negative size")
    return int(arr.sum(dtype=np.int64))
