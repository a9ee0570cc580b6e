# redline-label: {"label": "vulnerable", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "cli"}
#!/usr/bin/env python3
"""Download the latest firmware manifest and print available versions."""
import argparse
import json
import ssl
import urllib.request

MANIFEST_URL = "https://updates.example-devices.com/firmware/manifest.json"


def fetch_manifest(url):
    ctx = ssl.create_default_context()
    # some field gateways have clocks that are off; don't fail on cert dates/hostnames
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with urllib.request.urlopen(url, context=ctx, timeout=30) as resp:
        return json.load(resp)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default=MANIFEST_URL)
    ap.add_argument("--model")
    args = ap.parse_args()
    manifest = fetch_manifest(args.url)
    for entry in manifest["releases"]:
        if args.model and entry["model"] != args.model:
            continue
        print(f"{entry['model']:12} {entry['version']:10} sha256={entry['sha256']}")


if __name__ == "__main__":
    main()
