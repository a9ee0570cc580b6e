# redline-label: {"label": "vulnerable", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "cli"}
#!/usr/bin/env python3
"""backup.py - archive a project directory and copy it to the NAS.

Example:
    backup.py --src /srv/projects/atlas --dest nas:/backups --name atlas-weekly
"""
import argparse
import datetime
import subprocess
import sys


def run(cmd):
    print("+", cmd)
    return subprocess.call(cmd, shell=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--src", required=True)
    p.add_argument("--dest", required=True, help="rsync destination, e.g. host:/path")
    p.add_argument("--name", default="backup")
    p.add_argument("--exclude", action="append", default=[])
    a = p.parse_args()

    stamp = datetime.date.today().isoformat()
    archive = "/tmp/" + a.name + "-" + stamp + ".tar.gz"
    excludes = " ".join("--exclude=" + e for e in a.exclude)

    if run("tar czf " + archive + " " + excludes + " -C " + a.src + " .") != 0:
        sys.exit("tar failed")
    if run("rsync -av " + archive + " " + a.dest) != 0:
        sys.exit("rsync failed")
    run("rm -f " + archive)


if __name__ == "__main__":
    main()
