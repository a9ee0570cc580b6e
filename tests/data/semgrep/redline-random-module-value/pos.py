import random


def new_reset_code() -> str:
    return str(random.normalvariate(0, 1))[2:10]
