# redline-label: {"label": "vulnerable", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "cli"}
#!/usr/bin/env python3
"""install_plugin.py - install a plugin bundle downloaded from the marketplace.

    install_plugin.py bundle.tar.gz [--plugins-dir ~/.atlas/plugins]
"""
import argparse
import json
import os
import sys
import tarfile


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle")
    ap.add_argument("--plugins-dir", default=os.path.expanduser("~/.atlas/plugins"))
    args = ap.parse_args(argv)

    with tarfile.open(args.bundle, "r:*") as tar:
        try:
            manifest = json.load(tar.extractfile("plugin.json"))
        except KeyError:
            sys.exit("bundle has no plugin.json")
        target = os.path.join(args.plugins_dir, manifest["name"])
        os.makedirs(target, exist_ok=True)
        tar.extractall(target)

    print(f"installed {manifest['name']} {manifest.get('version', '?')} into {target}")


if __name__ == "__main__":
    main()
