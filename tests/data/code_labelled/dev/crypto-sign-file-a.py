# redline-label: {"label": "vulnerable", "cwes": ["CWE-327", "CWE-328"], "task": null, "category": "crypto-random", "style": "function"}
import hashlib
import os
from pathlib import Path

SIGNING_KEY = os.environ["FIRMWARE_SIGNING_KEY"].encode()


def sign_firmware(path: Path) -> str:
    """Return a signature the devices check before flashing the image."""
    data = Path(path).read_bytes()
    return hashlib.md5(SIGNING_KEY + data).hexdigest()


def verify_firmware(path: Path, signature: str) -> bool:
    return sign_firmware(path) == signature


if __name__ == "__main__":
    import sys

    print(sign_firmware(Path(sys.argv[1])))
