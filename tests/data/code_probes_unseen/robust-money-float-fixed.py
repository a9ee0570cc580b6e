# probe: {"label": "secure", "cwes": ["CWE-682"]}
from decimal import Decimal, ROUND_HALF_EVEN


def invoice_total(lines, tax_rate):
    """Sum an invoice: lines are (unit_price_str, quantity) pairs."""
    total = Decimal("0")
    for price, qty in lines:
        total += Decimal(price) * qty
    total = total * (1 + Decimal(tax_rate))
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def split_bill(amount_str, people):
    cents = int(Decimal(amount_str) * 100)
    share, rest = divmod(cents, people)
    return [Decimal(share + (1 if i < rest else 0)) / 100 for i in range(people)]
