# redline-label: {"label": "secure", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "crypto-random", "style": "function"}
import random
import string

# SystemRandom draws from os.urandom, so it is suitable for secrets
_rng = random.SystemRandom()


def generate_temp_password(length: int = 14) -> str:
    """Generate a temporary password for a newly created staff account.

    Guarantees at least one lowercase letter, uppercase letter, digit and
    symbol so it passes the password policy.
    """
    if length < 8:
        raise ValueError("length must be at least 8")
    pools = [string.ascii_lowercase, string.ascii_uppercase, string.digits, "!@#$%^&*"]
    chars = [_rng.choice(pool) for pool in pools]
    everything = "".join(pools)
    chars += [_rng.choice(everything) for _ in range(length - len(chars))]
    _rng.shuffle(chars)
    return "".join(chars)


if __name__ == "__main__":
    print(generate_temp_password())
