import getpass
import json
import os
from pathlib import Path

CONFIG_DIR = Path.home() / ".config" / "ourtool"


def login() -> None:
    """Ask for the API token and save it to CONFIG_DIR/credentials.json for later commands."""
    token = getpass.getpass("API token: ").strip()
    CONFIG_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = CONFIG_DIR / "credentials.json"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump({"token": token}, fh)
    os.chmod(path, 0o600)
    print(f"Logged in. Token saved to {path} (ending in ...{token[-4:]}).")


def load_token() -> str:
    with open(CONFIG_DIR / "credentials.json") as fh:
        return json.load(fh)["token"]
