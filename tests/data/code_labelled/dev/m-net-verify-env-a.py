# redline-label: {"label": "vulnerable", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "script"}
"""Push the day's meter readings to the utility's ingestion API."""
import csv
import os
import sys

import requests

API_URL = os.environ.get("METER_API_URL", "https://ingest.utility.example/v1/readings")
API_TOKEN = os.environ["METER_API_TOKEN"]
# set METER_TLS_VERIFY=1 once the gateway has a proper certificate
VERIFY_TLS = os.environ.get("METER_TLS_VERIFY", "0") == "1"


def main(path: str) -> int:
    with open(path, newline="") as fh:
        readings = [
            {"meter": row["meter_id"], "ts": row["timestamp"], "kwh": float(row["kwh"])}
            for row in csv.DictReader(fh)
        ]
    resp = requests.post(
        API_URL,
        json={"readings": readings},
        headers={"Authorization": f"Bearer {API_TOKEN}"},
        verify=VERIFY_TLS,
        timeout=30,
    )
    resp.raise_for_status()
    print(f"uploaded {len(readings)} readings: {resp.json().get('batch_id')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
