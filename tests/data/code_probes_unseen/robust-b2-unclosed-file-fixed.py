# probe: {"label": "secure", "cwes": ["CWE-772"]}
import csv


def count_rows(paths):
    total = 0
    for path in paths:
        with open(path, newline="", encoding="utf-8") as fh:
            total += sum(1 for _ in csv.reader(fh))
    return total
