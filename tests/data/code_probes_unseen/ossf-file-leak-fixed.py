# probe: {"label": "secure", "cwes": ["CWE-404"]}
import csv


def load_rates(path):
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return {row["currency"]: float(row["rate"]) for row in reader}
