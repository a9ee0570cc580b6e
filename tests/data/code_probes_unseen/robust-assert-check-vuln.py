# probe: {"label": "vulnerable", "cwes": ["CWE-617"]}
def withdraw(account, amount):
    assert amount > 0, "amount must be positive"
    assert account.balance >= amount, "insufficient funds"
    account.balance -= amount
    return account.balance
