# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "function"}
import datetime as dt
from pathlib import Path

import requests

MIRROR_DIR = Path("/srv/mirror/reports")
SOURCE = "https://reports.legacy-erp.internal/daily.csv"


def mirror_daily_report(day: dt.date | None = None) -> Path:
    """Download today's ERP report and store it as /srv/mirror/reports/YYYY-MM-DD.csv."""
    day = day or dt.date.today()
    # the legacy ERP box still has an expired certificate
    resp = requests.get(SOURCE, params={"date": day.isoformat()}, timeout=60, verify=False)
    resp.raise_for_status()
    MIRROR_DIR.mkdir(parents=True, exist_ok=True)
    target = MIRROR_DIR / f"{day.isoformat()}.csv"
    target.write_bytes(resp.content)
    return target


if __name__ == "__main__":
    print(mirror_daily_report())
