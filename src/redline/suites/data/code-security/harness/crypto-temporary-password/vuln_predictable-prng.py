import random
import string


def generate_temporary_password(length: int = 12) -> str:
    chars = [random.choice(string.ascii_uppercase), random.choice(string.ascii_lowercase),
             random.choice(string.digits), random.choice("!@#$%^&*")]
    pool = string.ascii_letters + string.digits + "!@#$%^&*"
    chars += [random.choice(pool) for _ in range(length - 4)]
    random.shuffle(chars)
    return "".join(chars)
