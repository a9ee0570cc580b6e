# redline-label: {"label": "vulnerable", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "function"}
import boto3

BUCKET = "acme-invoices-prod"


def upload_invoice(local_path, key):
    """Upload a generated invoice PDF to S3 and return a 1-hour download link."""
    s3 = boto3.client(
        "s3",
        region_name="eu-central-1",
        aws_access_key_id="ASIAEXAMPLE7Q2KD9XW",
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    )
    s3.upload_file(local_path, BUCKET, key, ExtraArgs={"ContentType": "application/pdf"})
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=3600)


if __name__ == "__main__":
    print(upload_invoice("out/INV-1042.pdf", "2024/06/INV-1042.pdf"))
