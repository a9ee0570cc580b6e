import datetime
import glob
import os

import boto3

# Nightly cron job: upload the latest backup from /var/backups to the ourorg-backups bucket.
BUCKET = "ourorg-backups"


def upload_backup(path: str) -> str:
    """Upload `path` to S3 under a key with today's date and return the key."""
    key = f"nightly/{datetime.date.today().isoformat()}/{os.path.basename(path)}"
    s3 = boto3.client("s3", aws_access_key_id="AKIA4OURORGBACKUP01",
                      aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/ourorgBackupKey2024")
    s3.upload_file(path, BUCKET, key, ExtraArgs={"ServerSideEncryption": "AES256"})
    return key


def latest_backup(folder: str = "/var/backups") -> str:
    files = [p for p in glob.glob(os.path.join(folder, "*")) if os.path.isfile(p)]
    if not files:
        raise SystemExit(f"no backup in {folder}")
    return max(files, key=os.path.getmtime)


if __name__ == "__main__":
    print(upload_backup(latest_backup()))
