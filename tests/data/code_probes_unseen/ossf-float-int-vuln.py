# probe: {"label": "vulnerable", "cwes": ["CWE-681"]}
def cents_to_charge(price_eur, quantity):
    total = price_eur * quantity * 100
    return int(total)


if __name__ == "__main__":
    print(cents_to_charge(0.29, 3))
