# redline-label: {"label": "vulnerable", "cwes": ["CWE-89"], "task": null, "category": "sql", "style": "cli"}
"""Print revenue per shop between two dates.

usage: revenue.py --from 2024-01-01 --to 2024-01-31 [--shop SHOP]
"""
import argparse
import os

import pymysql


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--from", dest="start", required=True)
    parser.add_argument("--to", dest="end", required=True)
    parser.add_argument("--shop", default=None)
    args = parser.parse_args()

    query = (
        "SELECT shop, SUM(amount) AS revenue, COUNT(*) AS orders FROM sales "
        "WHERE sold_at BETWEEN '{}' AND '{}'".format(args.start, args.end)
    )
    if args.shop:
        query += " AND shop = '{}'".format(args.shop)
    query += " GROUP BY shop ORDER BY revenue DESC"

    conn = pymysql.connect(
        host=os.environ.get("DB_HOST", "localhost"),
        user=os.environ["DB_USER"],
        password=os.environ["DB_PASSWORD"],
        database="sales",
    )
    try:
        with conn.cursor() as cur:
            cur.execute(query)
            for shop, revenue, orders in cur.fetchall():
                print(f"{shop:<20} {revenue:>12.2f} {orders:>6}")
    finally:
        conn.close()


if __name__ == "__main__":
    main()
