# probe: {"label": "vulnerable", "cwes": ["CWE-78"]}
import subprocess
import sys


def archive(folder, name):
    cmd = f"tar -czf /backups/{name}.tar.gz {folder}"
    return subprocess.run(cmd, shell=True, check=True)


if __name__ == "__main__":
    archive(sys.argv[1], sys.argv[2])
