import secrets
import string

SYMBOLS = "!#$%&()*+,-./:;<=>?@[]^_{}~"
CLASSES = (string.ascii_uppercase, string.ascii_lowercase, string.digits, SYMBOLS)


def generate_temporary_password(length: int = 12) -> str:
    if length < len(CLASSES):
        raise ValueError("length too short")
    alphabet = "".join(CLASSES)
    while True:
        pw = "".join(secrets.choice(alphabet) for _ in range(length))
        if all(any(c in cls for c in pw) for cls in CLASSES):
            return pw
