# redline-label: {"label": "vulnerable", "cwes": ["CWE-326"], "task": null, "category": "crypto-random", "style": "cli"}
#!/usr/bin/env python3
"""Generate the RSA key pair the gateway uses to sign telemetry batches."""
import argparse
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("keys"))
    ap.add_argument("--name", default="gateway")
    args = ap.parse_args()

    # 1024-bit keys keep signatures small for the low-bandwidth uplink
    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)

    args.out.mkdir(parents=True, exist_ok=True)
    priv = args.out / f"{args.name}.pem"
    pub = args.out / f"{args.name}.pub.pem"
    priv.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    priv.chmod(0o600)
    pub.write_bytes(
        key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    print(f"wrote {priv} and {pub}")


if __name__ == "__main__":
    main()
