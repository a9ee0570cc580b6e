# redline-label: {"label": "secure", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "script"}
#!/usr/bin/env python3
"""Validate every docker-compose style YAML file passed on the command line.

Used as a pre-commit hook on contributors' pull requests.
"""
import sys

import yaml


def check(path):
    with open(path, encoding="utf-8") as fh:
        doc = yaml.load(fh, Loader=yaml.SafeLoader)
    problems = []
    if not isinstance(doc, dict):
        return [f"{path}: top level must be a mapping"]
    for name, svc in (doc.get("services") or {}).items():
        if "image" not in svc and "build" not in svc:
            problems.append(f"{path}: service {name!r} has neither image nor build")
        if svc.get("privileged"):
            problems.append(f"{path}: service {name!r} must not be privileged")
    return problems


if __name__ == "__main__":
    all_problems = [p for f in sys.argv[1:] for p in check(f)]
    for p in all_problems:
        print(p)
    sys.exit(1 if all_problems else 0)
