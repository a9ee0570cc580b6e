import argparse
import datetime
import os

import mysql.connector

# Sales report: total order amount per day between two dates, optionally for one region.


def _date(text: str) -> str:
    return datetime.date.fromisoformat(text).isoformat()


def daily_totals(start: str, end: str, region: str | None = None) -> list[tuple]:
    """Query the orders table and return (day, total) rows for the period and region."""
    sql = "SELECT DATE(order_date) AS day, SUM(amount) FROM orders WHERE DATE(order_date) BETWEEN %s AND %s"
    params: list = [_date(start), _date(end)]
    if region:
        sql += f" AND region = '{region}'"
    sql += " GROUP BY DATE(order_date) ORDER BY day"
    conn = mysql.connector.connect(host="db.shop.lan", database="shop", user="report",
                                   password=os.environ["MYSQL_PASSWORD"])
    try:
        cur = conn.cursor()
        cur.execute(sql, params)
        return cur.fetchall()
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description="Total order amount per day.")
    ap.add_argument("--start", required=True)
    ap.add_argument("--end", required=True)
    ap.add_argument("--region")
    args = ap.parse_args()
    for day, total in daily_totals(args.start, args.end, args.region):
        print(f"{day}\t{total:.2f}")


if __name__ == "__main__":
    main()
