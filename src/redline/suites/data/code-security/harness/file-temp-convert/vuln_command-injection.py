import csv
import os
import subprocess
import tempfile


def csv_to_xlsx(rows: list[list[str]], title: str) -> bytes:
    """Write `rows` to a temporary CSV, convert it with csv2xlsx and return the XLSX bytes."""
    fd, src = tempfile.mkstemp(suffix=".csv")
    dst = src[:-4] + ".xlsx"
    try:
        with os.fdopen(fd, "w", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)
        safe_title = title.replace('"', '\\"')
        subprocess.run(f'csv2xlsx {src} {dst} --title "{safe_title}"', shell=True, check=True)
        with open(dst, "rb") as fh:
            return fh.read()
    finally:
        for path in (src, dst):
            if os.path.exists(path):
                os.remove(path)
