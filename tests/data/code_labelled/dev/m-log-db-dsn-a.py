# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "script"}
"""Nightly job: copy yesterday's orders into the reporting warehouse."""
import logging
import os
import sys

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("etl.orders")


def main() -> int:
    source_url = make_url(os.environ["SOURCE_DATABASE_URL"])
    target_url = make_url(os.environ["WAREHOUSE_DATABASE_URL"])
    log.info("source: %s", source_url.render_as_string(hide_password=True))
    log.info("target: %s", target_url.render_as_string(hide_password=True))

    src = create_engine(source_url)
    dst = create_engine(target_url)
    with src.connect() as s, dst.begin() as d:
        rows = s.execute(
            text("SELECT id, customer_id, total_cents, created_at FROM orders WHERE created_at >= current_date - 1")
        ).mappings().all()
        log.info("copying %d orders", len(rows))
        if rows:
            d.execute(
                text(
                    "INSERT INTO fact_orders (id, customer_id, total_cents, created_at) "
                    "VALUES (:id, :customer_id, :total_cents, :created_at) ON CONFLICT (id) DO NOTHING"
                ),
                [dict(r) for r in rows],
            )
    log.info("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
