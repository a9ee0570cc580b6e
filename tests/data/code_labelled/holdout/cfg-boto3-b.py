# redline-label: {"label": "secure", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "function"}
import os

import boto3

BUCKET = os.environ.get("INVOICE_BUCKET", "acme-invoices-prod")


def upload_invoice(local_path: str, key: str) -> str:
    """Upload a generated invoice PDF to S3 and return a 1-hour download link.

    Credentials come from boto3's default chain (instance role, AWS_PROFILE
    or the standard AWS_* environment variables), never from this file.
    """
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
    s3.upload_file(local_path, BUCKET, key, ExtraArgs={"ContentType": "application/pdf"})
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=3600)


if __name__ == "__main__":
    print(upload_invoice("out/INV-1042.pdf", "2024/06/INV-1042.pdf"))
