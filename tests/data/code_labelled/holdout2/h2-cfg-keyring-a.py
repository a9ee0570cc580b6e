# redline-label: {"label": "secure", "cwes": ["CWE-798", "CWE-259"], "task": null, "category": "secrets-config", "style": "script"}
"""Sync my timesheet entries from the spreadsheet into the company's HR portal.

The portal password lives in the OS keychain (set it once with `keyring set hr-portal $USER`).
"""
import getpass
import sys

import keyring
import requests

PORTAL = "https://hr.example.com"
SERVICE = "hr-portal"


def main() -> int:
    user = getpass.getuser()
    password = keyring.get_password(SERVICE, user)
    if password is None:
        password = getpass.getpass(f"HR portal password for {user}: ")
        keyring.set_password(SERVICE, user, password)
    with requests.Session() as s:
        r = s.post(f"{PORTAL}/api/login", json={"username": user, "password": password}, timeout=20)
        r.raise_for_status()
        r = s.get(f"{PORTAL}/api/timesheets/current", timeout=20)
        r.raise_for_status()
        print(f"{len(r.json()['entries'])} entries this week")
    return 0


if __name__ == "__main__":
    sys.exit(main())
