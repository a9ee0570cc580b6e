import csv
import os
import subprocess
import tempfile


def csv_to_xlsx(rows: list[list[str]], title: str) -> bytes:
    """Write `rows` to a temporary CSV, convert it with csv2xlsx and return the XLSX bytes."""
    src = os.path.join(tempfile.gettempdir(), "csv2xlsx_input.csv")
    dst = os.path.join(tempfile.gettempdir(), "csv2xlsx_output.xlsx")
    with open(src, "w", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    try:
        subprocess.run(["csv2xlsx", src, dst, "--title", title], check=True)
        with open(dst, "rb") as fh:
            return fh.read()
    finally:
        os.remove(src)
        if os.path.exists(dst):
            os.remove(dst)
