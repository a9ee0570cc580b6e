# probe: {"label": "vulnerable", "cwes": ["CWE-190"]}
import numpy as np


def total_bytes(sizes):
    """Sum file sizes reported by clients."""
    arr = np.array(sizes, dtype=np.int32)
    return int(arr.sum())
