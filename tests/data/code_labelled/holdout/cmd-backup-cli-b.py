# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "cli"}
#!/usr/bin/env python3
"""backup.py - archive a project directory and copy it to the NAS."""
import argparse
import datetime
import subprocess
import sys
import tempfile
from pathlib import Path


def run(argv: list[str]) -> None:
    print("+", " ".join(argv))
    subprocess.run(argv, check=True, timeout=3600)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--src", required=True, type=Path)
    p.add_argument("--dest", required=True, help="rsync destination, e.g. host:/path")
    p.add_argument("--name", default="backup")
    p.add_argument("--exclude", action="append", default=[])
    a = p.parse_args()

    if not a.src.is_dir():
        print(f"{a.src} is not a directory", file=sys.stderr)
        return 2

    stamp = datetime.date.today().isoformat()
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / f"{Path(a.name).name}-{stamp}.tar.gz"
        tar_cmd = ["tar", "czf", str(archive)]
        tar_cmd += [f"--exclude={e}" for e in a.exclude]
        tar_cmd += ["-C", str(a.src.resolve()), "."]
        try:
            run(tar_cmd)
            run(["rsync", "-av", "--", str(archive), a.dest])
        except subprocess.CalledProcessError as exc:
            print(f"backup failed: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
