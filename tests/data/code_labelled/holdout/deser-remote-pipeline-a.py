# redline-label: {"label": "vulnerable", "cwes": ["CWE-502"], "task": null, "category": "deserialization", "style": "cli"}
#!/usr/bin/env python3
"""Fetch a shared job definition and print the steps it would run.

    jobctl show https://jobs.example.net/defs/nightly.yaml
"""
import argparse
import urllib.request

import yaml


def fetch_definition(url):
    with urllib.request.urlopen(url, timeout=20) as resp:
        return resp.read().decode("utf-8")


def main():
    parser = argparse.ArgumentParser(prog="jobctl")
    sub = parser.add_subparsers(dest="cmd", required=True)
    show = sub.add_parser("show")
    show.add_argument("url")
    args = parser.parse_args()

    definition = yaml.unsafe_load(fetch_definition(args.url))
    print(f"job: {definition.get('name')}")
    for i, step in enumerate(definition.get("steps", []), 1):
        print(f"  {i}. {step}")


if __name__ == "__main__":
    main()
