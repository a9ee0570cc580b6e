# probe: {"label": "secure", "cwes": ["CWE-681"]}
from decimal import ROUND_HALF_UP, Decimal


def cents_to_charge(price_eur, quantity):
    total = Decimal(str(price_eur)) * quantity * 100
    return int(total.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


if __name__ == "__main__":
    print(cents_to_charge("0.29", 3))
