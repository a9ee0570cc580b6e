# Independent secure reference for cfg-s3-nightly-backup.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Nightly cron job: upload the latest backup from /var/backups to the ourorg-backups bucket.

Credentials are never in the script: boto3's default chain reads them from the environment
(AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) or from the cron user's ~/.aws/credentials (mode 600), optionally
under the profile named by AWS_PROFILE. Use an IAM user that may only PutObject into this bucket.
"""
import datetime
import os
import sys

import boto3

BUCKET = "ourorg-backups"
BACKUP_DIR = "/var/backups"


def latest_backup(directory: str = BACKUP_DIR) -> str:
    files = [os.path.join(directory, n) for n in os.listdir(directory)]
    files = [f for f in files if os.path.isfile(f)]
    if not files:
        raise FileNotFoundError(f"no backup file in {directory}")
    return max(files, key=os.path.getmtime)


def upload_backup(path: str) -> str:
    """Upload `path` to S3 under a key with today's date and return the key."""
    key = f"{datetime.date.today().isoformat()}/{os.path.basename(path)}"
    session = boto3.session.Session(profile_name=os.environ.get("AWS_PROFILE") or None)
    s3 = session.client("s3")
    s3.upload_file(path, BUCKET, key, ExtraArgs={"ServerSideEncryption": "AES256"})
    return key


if __name__ == "__main__":
    uploaded = upload_backup(latest_backup())
    print(f"uploaded s3://{BUCKET}/{uploaded}")
    sys.exit(0)
