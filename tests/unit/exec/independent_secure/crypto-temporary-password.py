# Independent secure reference for crypto-temporary-password.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import secrets
import string

SYMBOLS = "!#$%&()*+,-./:;<=>?@[]^_{|}~"


def generate_temporary_password(length: int = 12) -> str:
    """First password for a new staff account: letters, digits and symbols, at least one of each (CSPRNG)."""
    classes = [string.ascii_uppercase, string.ascii_lowercase, string.digits, SYMBOLS]
    if length < len(classes):
        raise ValueError(f"length must be at least {len(classes)}")
    chars = [secrets.choice(c) for c in classes]
    alphabet = "".join(classes)
    chars += [secrets.choice(alphabet) for _ in range(length - len(classes))]
    secrets.SystemRandom().shuffle(chars)
    return "".join(chars)
