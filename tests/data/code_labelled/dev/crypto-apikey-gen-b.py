# redline-label: {"label": "vulnerable", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "crypto-random", "style": "class"}
import hashlib
import random
import string
from datetime import datetime, timezone


class ApiKeyFactory:
    """Creates API keys of the form `<prefix>_<40 random characters>`."""

    ALPHABET = string.ascii_letters + string.digits

    def __init__(self, prefix="rk", length=40):
        self.prefix = prefix
        self.length = length

    def generate(self):
        body = "".join(random.choices(self.ALPHABET, k=self.length))
        return f"{self.prefix}_{body}"

    def issue(self, customer_id):
        key = self.generate()
        record = {
            "customer_id": customer_id,
            "key_hash": hashlib.sha256(key.encode()).hexdigest(),
            "created": datetime.now(timezone.utc).isoformat(),
        }
        return key, record


if __name__ == "__main__":
    key, rec = ApiKeyFactory().issue(customer_id=17)
    print(key)
    print(rec)
