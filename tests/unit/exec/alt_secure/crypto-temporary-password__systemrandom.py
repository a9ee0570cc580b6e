import random
import string

_rng = random.SystemRandom()


def generate_temporary_password(length: int = 12) -> str:
    groups = [string.ascii_uppercase, string.ascii_lowercase, string.digits, "!@#$%^&*-_=+?"]
    chars = [_rng.choice(g) for g in groups]
    everything = "".join(groups)
    chars += [_rng.choice(everything) for _ in range(length - len(chars))]
    _rng.shuffle(chars)
    return "".join(chars)
