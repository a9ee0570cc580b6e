# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "script"}
#!/usr/bin/env python3
"""Worker entry point for the ingestion pipeline."""
import logging
import os
from dataclasses import asdict, dataclass, field

log = logging.getLogger("ingest")


@dataclass
class Settings:
    broker_url: str = field(default_factory=lambda: os.environ["BROKER_URL"])          # amqp://user:pass@host
    database_url: str = field(default_factory=lambda: os.environ["DATABASE_URL"])      # postgresql://user:pass@host/db
    s3_bucket: str = field(default_factory=lambda: os.environ.get("S3_BUCKET", "ingest-raw"))
    s3_secret_key: str = field(default_factory=lambda: os.environ["S3_SECRET_KEY"])
    batch_size: int = int(os.environ.get("BATCH_SIZE", "500"))
    concurrency: int = int(os.environ.get("CONCURRENCY", "4"))


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    settings = Settings()
    # log the effective configuration at startup to make misconfigurations easy to spot
    log.info("starting worker with settings: %s", asdict(settings))
    from ingest.worker import run

    run(settings)


if __name__ == "__main__":
    main()
