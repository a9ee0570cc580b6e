import random, string
def new_reset():
    token = "".join(random.choices(string.ascii_letters, k=32))
    return token
