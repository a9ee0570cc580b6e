# redline-label: {"label": "vulnerable", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "crypto-random", "style": "function"}
import random
import string
import time


def generate_temp_password(length=12):
    """Generate a temporary password for a newly created staff account.

    Guarantees at least one lowercase letter, uppercase letter, digit and
    symbol so it passes the password policy.
    """
    rng = random.Random(time.time())
    pools = [string.ascii_lowercase, string.ascii_uppercase, string.digits, "!@#$%^&*"]
    chars = [rng.choice(pool) for pool in pools]
    everything = "".join(pools)
    chars += [rng.choice(everything) for _ in range(length - len(chars))]
    rng.shuffle(chars)
    return "".join(chars)


if __name__ == "__main__":
    for _ in range(3):
        print(generate_temp_password())
