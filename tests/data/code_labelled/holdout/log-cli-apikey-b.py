# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "cli"}
#!/usr/bin/env python3
"""sync_contacts: push contacts from the local CSV export to the mailing-list service."""
import argparse
import csv
import logging
import os
import sys

import requests

log = logging.getLogger("sync_contacts")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("csv_path")
    ap.add_argument("--list-id", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(levelname)s %(message)s")

    api_key = os.environ.get("MAILER_API_KEY")
    if not api_key:
        log.error("MAILER_API_KEY is not set")
        return 2
    log.info("Syncing list %s (API key ...%s)", args.list_id, api_key[-4:])

    with open(args.csv_path, newline="") as fh:
        contacts = [{"email": r["email"], "name": r.get("name", "")} for r in csv.DictReader(fh)]

    resp = requests.post(
        f"https://api.mailer.example.com/v2/lists/{args.list_id}/members",
        json={"members": contacts},
        headers={"X-Api-Key": api_key},
        timeout=30,
    )
    log.debug("response status %s", resp.status_code)
    resp.raise_for_status()
    print(f"synced {len(contacts)} contacts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
