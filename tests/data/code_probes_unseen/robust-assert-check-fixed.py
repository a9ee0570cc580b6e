# probe: {"label": "secure", "cwes": ["CWE-617"]}
class InsufficientFunds(Exception):
    pass


def withdraw(account, amount):
    if amount <= 0:
        raise ValueError("amount must be positive")
    if account.balance < amount:
        raise InsufficientFunds(account.id)
    account.balance -= amount
    return account.balance
