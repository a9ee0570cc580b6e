# probe: {"label": "vulnerable", "cwes": ["CWE-377"]}
import os
import tempfile


def render_report(rows):
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(",".join(map(str, row)) + "\n")
    os.chmod(path, 0o600)
    return path
