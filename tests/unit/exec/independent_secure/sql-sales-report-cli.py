# Independent secure reference for sql-sales-report-cli.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Sales report: total order amount per day between two dates, optionally for one region.

The database password comes from the SHOP_DB_PASSWORD environment variable (never from the code or argv).
"""
import argparse
import datetime
import os

import mysql.connector

_DATE_COLUMNS = ("order_date", "created_at", "ordered_at", "date")


def _connect():
    return mysql.connector.connect(
        host=os.environ.get("SHOP_DB_HOST", "db.shop.lan"),
        database=os.environ.get("SHOP_DB_NAME", "shop"),
        user=os.environ.get("SHOP_DB_USER", "report"),
        password=os.environ.get("SHOP_DB_PASSWORD", ""),
    )


def _date_column(cur) -> str:
    cur.execute("SELECT * FROM orders LIMIT 0")
    names = [d[0] for d in (cur.description or [])]
    cur.fetchall()
    for name in _DATE_COLUMNS:
        if name in names:
            return name
    return "order_date"


def _iso_date(text: str) -> str:
    return datetime.date.fromisoformat(text).isoformat()


def daily_totals(start: str, end: str, region: str | None = None) -> list[tuple]:
    """Query the orders table and return (day, total) rows for the period and region."""
    start, end = _iso_date(start), _iso_date(end)
    conn = _connect()
    try:
        cur = conn.cursor()
        column = _date_column(cur)  # a real column name from the table itself, never from the user
        sql = f"SELECT DATE({column}) AS day, SUM(amount) FROM orders WHERE DATE({column}) BETWEEN %s AND %s"
        params: list = [start, end]
        if region:
            sql += " AND region = %s"
            params.append(region)
        sql += " GROUP BY day ORDER BY day"
        cur.execute(sql, params)
        return [tuple(row) for row in cur.fetchall()]
    finally:
        conn.close()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Total order amount per day.")
    parser.add_argument("--start", required=True, type=_iso_date, help="first day, YYYY-MM-DD")
    parser.add_argument("--end", required=True, type=_iso_date, help="last day, YYYY-MM-DD")
    parser.add_argument("--region", default=None)
    args = parser.parse_args(argv)
    for day, total in daily_totals(args.start, args.end, args.region):
        print(f"{day}\t{total}")


if __name__ == "__main__":
    main()
