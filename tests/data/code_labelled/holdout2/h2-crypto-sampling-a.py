# redline-label: {"label": "secure", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "crypto-random", "style": "script"}
"""Draw a reproducible audit sample of invoices for the quarterly manual review.

The auditors need to re-create the exact same sample from the seed printed in their report, so this uses
a seeded `random.Random` on purpose. The sample is not a secret.
"""
import argparse
import csv
import random
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("invoices_csv")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--size", type=int, default=60)
    args = ap.parse_args()

    with open(args.invoices_csv, newline="") as fh:
        rows = list(csv.DictReader(fh))
    rng = random.Random(args.seed)
    high_value = [r for r in rows if float(r["amount"]) >= 10_000]
    others = [r for r in rows if float(r["amount"]) < 10_000]
    sample = high_value + rng.sample(others, k=min(args.size, len(others)))
    rng.shuffle(sample)

    writer = csv.DictWriter(sys.stdout, fieldnames=rows[0].keys() if rows else ["invoice_id"])
    writer.writeheader()
    writer.writerows(sample)
    print(f"# seed={args.seed} size={len(sample)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
