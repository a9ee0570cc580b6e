# probe: {"label": "secure", "cwes": ["CWE-78"]}
import subprocess
import sys
from pathlib import Path


def archive(folder, name):
    target = Path("/backups") / f"{Path(name).name}.tar.gz"
    return subprocess.run(["tar", "-czf", str(target), "--", folder], check=True)


if __name__ == "__main__":
    archive(sys.argv[1], sys.argv[2])
