import csv
import os
import subprocess
import tempfile


def csv_to_xlsx(rows: list[list[str]], title: str) -> bytes:
    """Write `rows` to a temporary CSV, convert it with csv2xlsx and return the XLSX bytes."""
    with tempfile.TemporaryDirectory() as workdir:
        src = os.path.join(workdir, "input.csv")
        dst = os.path.join(workdir, "output.xlsx")
        with open(src, "w", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)
        subprocess.run(["csv2xlsx", src, dst, "--title", title], check=True, timeout=120)
        with open(dst, "rb") as fh:
            return fh.read()
