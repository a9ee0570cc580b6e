# probe: {"label": "vulnerable", "cwes": ["CWE-89"]}
import argparse
import sqlite3


def main():
    parser = argparse.ArgumentParser(description="Show a customer's invoices")
    parser.add_argument("email")
    parser.add_argument("--db", default="billing.db")
    args = parser.parse_args()
    conn = sqlite3.connect(args.db)
    cur = conn.cursor()
    cur.execute("SELECT number, amount FROM invoices WHERE email = '{}'".format(args.email))
    for number, amount in cur.fetchall():
        print(f"{number}: {amount:.2f}")


if __name__ == "__main__":
    main()
