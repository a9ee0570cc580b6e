# Independent secure reference for cfg-cli-token-file.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import getpass
import json
import os
from pathlib import Path

CONFIG_DIR = Path.home() / ".config" / "ourtool"
CREDENTIALS_FILE = "credentials.json"


def login() -> None:
    """Ask for the API token and save it to CONFIG_DIR/credentials.json for later commands (owner-only file)."""
    token = getpass.getpass("API token: ").strip()
    if not token:
        raise SystemExit("No token given.")
    CONFIG_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(CONFIG_DIR, 0o700)
    path = CONFIG_DIR / CREDENTIALS_FILE
    tmp = path.with_name(CREDENTIALS_FILE + ".tmp")
    # Create the file with mode 600 from the start, so the token is never readable by other users.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"token": token}, fh)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    print(f"Logged in. Token saved to {path}.")  # never echo the token itself


def load_token() -> str:
    """Return the saved API token; raise if `login` has not been run."""
    path = CONFIG_DIR / CREDENTIALS_FILE
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise RuntimeError("Not logged in: run the login command first.") from None
    token = data.get("token") if isinstance(data, dict) else None
    if not isinstance(token, str) or not token:
        raise RuntimeError(f"{path} holds no token: run the login command again.")
    return token
