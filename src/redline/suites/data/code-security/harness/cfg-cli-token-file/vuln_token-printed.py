import getpass
import json
import os
from pathlib import Path

CONFIG_DIR = Path.home() / ".config" / "ourtool"


def login() -> None:
    """Ask for the API token and save it to CONFIG_DIR/credentials.json for later commands."""
    token = getpass.getpass("API token: ")
    CONFIG_DIR.mkdir(parents=True, exist_ok=True)
    path = CONFIG_DIR / "credentials.json"
    path.write_text(json.dumps({"token": token}))
    path.chmod(0o600)
    print(f"Saved token {token} to {path}")


def load_token() -> str:
    return json.loads((CONFIG_DIR / "credentials.json").read_text())["token"]
