# redline-label: {"label": "vulnerable", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "script"}
"""Upload the nightly database dump to object storage."""
import os
import sys
from datetime import date

# sensible defaults so the script also runs from a developer laptop; the cron host sets real values
os.environ.setdefault("S3_ENDPOINT", "https://s3.eu-central-1.example-cloud.com")
os.environ.setdefault("S3_BUCKET", "acme-db-dumps")
os.environ.setdefault("S3_ACCESS_KEY_ID", "ECK3Q7RZ2M9TBW4XPL8D")
os.environ.setdefault("S3_SECRET_ACCESS_KEY", "q7Vd2/Lm9xR4tW8zKp3+Hs6bNc1YfJ5gAeU0iOrT")

import boto3  # noqa: E402


def main(dump_path: str) -> int:
    s3 = boto3.client(
        "s3",
        endpoint_url=os.environ["S3_ENDPOINT"],
        aws_access_key_id=os.environ["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["S3_SECRET_ACCESS_KEY"],
    )
    key = f"{date.today():%Y/%m/%d}/{os.path.basename(dump_path)}"
    s3.upload_file(dump_path, os.environ["S3_BUCKET"], key)
    print(f"uploaded s3://{os.environ['S3_BUCKET']}/{key}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
