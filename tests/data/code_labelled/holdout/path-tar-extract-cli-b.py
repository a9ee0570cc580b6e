# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "cli"}
#!/usr/bin/env python3
"""install_plugin.py - install a plugin bundle downloaded from the marketplace."""
import argparse
import json
import re
import sys
import tarfile
from pathlib import Path

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle", type=Path)
    ap.add_argument("--plugins-dir", type=Path, default=Path.home() / ".atlas" / "plugins")
    args = ap.parse_args(argv)

    with tarfile.open(args.bundle, "r:*") as tar:
        member = tar.extractfile("plugin.json")
        if member is None:
            print("bundle has no plugin.json", file=sys.stderr)
            return 1
        manifest = json.load(member)
        if not NAME_RE.match(manifest.get("name", "")):
            print("invalid plugin name in manifest", file=sys.stderr)
            return 1
        target = args.plugins_dir / manifest["name"]
        target.mkdir(parents=True, exist_ok=True)
        # the "data" filter refuses absolute paths, "..", links outside target and device files
        tar.extractall(target, filter="data")

    print(f"installed {manifest['name']} into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
