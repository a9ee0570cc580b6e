# probe: {"label": "vulnerable", "cwes": ["CWE-754"]}
import subprocess


def backup(db_path, target):
    result = subprocess.run(["sqlite3", db_path, f".backup {target}"], capture_output=True)
    return target
