import re

EMAIL = re.compile(r"^([a-zA-Z0-9]+)*@example\.org$")


def is_staff(address: str) -> bool:
    return EMAIL.match(address) is not None
