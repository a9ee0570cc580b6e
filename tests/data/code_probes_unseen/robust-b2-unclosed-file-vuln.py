# probe: {"label": "vulnerable", "cwes": ["CWE-772"]}
import csv


def count_rows(paths):
    total = 0
    for path in paths:
        reader = csv.reader(open(path, newline="", encoding="utf-8"))
        total += sum(1 for _ in reader)
    return total
