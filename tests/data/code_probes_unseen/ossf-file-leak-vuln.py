# probe: {"label": "vulnerable", "cwes": ["CWE-404"]}
import csv


def load_rates(path):
    handle = open(path, newline="", encoding="utf-8")
    reader = csv.DictReader(handle)
    return {row["currency"]: float(row["rate"]) for row in reader}
