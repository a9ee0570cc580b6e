# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "cli"}
#!/usr/bin/env python3
"""sync_contacts: push contacts from the local CSV export to the mailing-list service."""
import argparse
import csv
import logging
import os

import requests

log = logging.getLogger("sync_contacts")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv_path")
    ap.add_argument("--list-id", required=True)
    ap.add_argument("--api-key", default=os.environ.get("MAILER_API_KEY"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(levelname)s %(message)s")

    log.info("Using API key %s for list %s", args.api_key, args.list_id)
    with open(args.csv_path, newline="") as fh:
        contacts = [{"email": r["email"], "name": r.get("name", "")} for r in csv.DictReader(fh)]

    resp = requests.post(
        f"https://api.mailer.example.com/v2/lists/{args.list_id}/members",
        json={"members": contacts},
        headers={"X-Api-Key": args.api_key},
        timeout=30,
    )
    log.debug("response: %s", resp.text)
    resp.raise_for_status()
    print(f"synced {len(contacts)} contacts")


if __name__ == "__main__":
    main()
