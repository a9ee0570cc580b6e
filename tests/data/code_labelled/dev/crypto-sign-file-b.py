# redline-label: {"label": "secure", "cwes": ["CWE-327", "CWE-328"], "task": null, "category": "crypto-random", "style": "function"}
import hashlib
import hmac
import os
from pathlib import Path

SIGNING_KEY = os.environ["FIRMWARE_SIGNING_KEY"].encode()


def _mac(path: Path) -> hmac.HMAC:
    mac = hmac.new(SIGNING_KEY, digestmod=hashlib.sha256)
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            mac.update(chunk)
    return mac


def sign_firmware(path: Path) -> str:
    """Return an HMAC-SHA256 tag the devices check before flashing the image."""
    return _mac(path).hexdigest()


def verify_firmware(path: Path, signature: str) -> bool:
    return hmac.compare_digest(_mac(path).hexdigest(), signature)


if __name__ == "__main__":
    import sys

    print(sign_firmware(Path(sys.argv[1])))
