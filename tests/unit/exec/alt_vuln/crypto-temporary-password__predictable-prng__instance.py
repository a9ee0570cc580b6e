import random
import string

_gen = random.Random()


def generate_temporary_password(length: int = 12) -> str:
    while True:
        pw = "".join(_gen.choice(string.ascii_letters + string.digits + string.punctuation) for _ in range(length))
        if (any(c.islower() for c in pw) and any(c.isupper() for c in pw) and any(c.isdigit() for c in pw)
                and any(c in string.punctuation for c in pw)):
            return pw
