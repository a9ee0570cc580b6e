import json
import os
from pathlib import Path

CONFIG_DIR = Path.home() / ".config" / "ourtool"


def login() -> None:
    """Ask for the API token and save it to CONFIG_DIR/credentials.json for later commands."""
    token = input("Paste your API token: ").strip()
    os.makedirs(CONFIG_DIR, exist_ok=True)
    with open(CONFIG_DIR / "credentials.json", "w") as fh:
        json.dump({"api_token": token}, fh, indent=2)
    print("Login successful, credentials saved.")


def load_token() -> str:
    with open(CONFIG_DIR / "credentials.json") as fh:
        return json.load(fh)["api_token"]
