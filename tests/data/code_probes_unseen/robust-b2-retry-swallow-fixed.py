# probe: {"label": "secure", "cwes": ["CWE-754"]}
import subprocess


def backup(db_path, target):
    result = subprocess.run(["sqlite3", db_path, f".backup {target}"], capture_output=True)
    if result.returncode != 0:
        raise RuntimeError(f"backup failed: {result.stderr.decode(errors='replace')}")
    return target
