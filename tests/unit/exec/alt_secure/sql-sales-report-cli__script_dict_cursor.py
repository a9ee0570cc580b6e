import argparse
import os

import mysql.connector


def main():
    p = argparse.ArgumentParser(description="Daily sales totals")
    p.add_argument("--start", required=True)
    p.add_argument("--end", required=True)
    p.add_argument("--region")
    a = p.parse_args()
    conn = mysql.connector.connect(host="db.shop.lan", user="report", password=os.environ["DB_PASSWORD"],
                                   database="shop")
    cur = conn.cursor(dictionary=True)
    q = "SELECT DATE(created_at) AS day, SUM(total) AS total FROM orders WHERE DATE(created_at) BETWEEN %s AND %s"
    args = [a.start, a.end]
    if a.region:
        q += " AND region = %s"
        args.append(a.region)
    cur.execute(q + " GROUP BY DATE(created_at) ORDER BY day", args)
    for r in cur.fetchall():
        print(f"{r['day']:%Y-%m-%d}: ${r['total']:,.2f} total")
    conn.close()


if __name__ == "__main__":
    main()
