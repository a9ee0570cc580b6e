# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "script"}
"""Nightly job: copy yesterday's orders into the reporting warehouse."""
import logging
import os
import sys

import psycopg2

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("etl.orders")


def build_dsn(prefix: str) -> str:
    return "host=%s port=%s dbname=%s user=%s password=%s" % (
        os.environ[f"{prefix}_HOST"],
        os.environ.get(f"{prefix}_PORT", "5432"),
        os.environ[f"{prefix}_DB"],
        os.environ[f"{prefix}_USER"],
        os.environ[f"{prefix}_PASSWORD"],
    )


def main() -> int:
    source_dsn = build_dsn("SOURCE")
    target_dsn = build_dsn("WAREHOUSE")
    log.info("Connecting to source with DSN: %s" % source_dsn)
    log.info("Connecting to warehouse with DSN: %s" % target_dsn)

    with psycopg2.connect(source_dsn) as src, psycopg2.connect(target_dsn) as dst:
        with src.cursor() as s, dst.cursor() as d:
            s.execute(
                "SELECT id, customer_id, total_cents, created_at FROM orders WHERE created_at >= current_date - 1"
            )
            rows = s.fetchall()
            log.info("copying %d orders", len(rows))
            d.executemany(
                "INSERT INTO fact_orders (id, customer_id, total_cents, created_at) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                rows,
            )
    log.info("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
