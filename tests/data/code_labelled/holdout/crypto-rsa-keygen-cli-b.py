# redline-label: {"label": "secure", "cwes": ["CWE-326"], "task": null, "category": "crypto-random", "style": "cli"}
#!/usr/bin/env python3
"""Generate the RSA key pair the gateway uses to sign telemetry batches."""
import argparse
import getpass
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

MIN_BITS = 3072


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("keys"))
    ap.add_argument("--name", default="gateway")
    ap.add_argument("--bits", type=int, default=MIN_BITS, choices=[3072, 4096])
    args = ap.parse_args()

    passphrase = os.environ.get("KEY_PASSPHRASE") or getpass.getpass("Passphrase for the private key: ")
    key = rsa.generate_private_key(public_exponent=65537, key_size=args.bits)

    args.out.mkdir(parents=True, exist_ok=True, mode=0o700)
    priv = args.out / f"{args.name}.pem"
    fd = os.open(priv, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(passphrase.encode()),
            )
        )
    (args.out / f"{args.name}.pub.pem").write_bytes(
        key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    print(f"{args.bits}-bit key written to {priv}")


if __name__ == "__main__":
    main()
