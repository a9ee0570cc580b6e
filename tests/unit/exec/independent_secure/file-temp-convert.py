# Independent secure reference for file-temp-convert.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import csv
import os
import subprocess
import tempfile


def csv_to_xlsx(rows: list[list[str]], title: str) -> bytes:
    """Write `rows` to a temporary CSV, convert it with csv2xlsx and return the XLSX bytes.

    The files live in a private directory from tempfile (mode 700, unpredictable name, removed afterwards), and
    the title goes to csv2xlsx as one argument with no shell, so whatever the user typed stays a title.
    """
    if "\0" in title:
        raise ValueError("invalid title")
    with tempfile.TemporaryDirectory(prefix="csv2xlsx-") as workdir:
        input_path = os.path.join(workdir, "input.csv")
        output_path = os.path.join(workdir, "output.xlsx")
        with open(input_path, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(rows)
        subprocess.run(
            ["csv2xlsx", input_path, output_path, "--title", title],
            check=True,
            capture_output=True,
            timeout=120,
        )
        with open(output_path, "rb") as fh:
            return fh.read()
