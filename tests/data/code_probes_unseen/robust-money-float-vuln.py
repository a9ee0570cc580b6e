# probe: {"label": "vulnerable", "cwes": ["CWE-682"]}
def invoice_total(lines, tax_rate):
    """Sum an invoice: lines are (unit_price_str, quantity) pairs."""
    total = 0.0
    for price, qty in lines:
        total += float(price) * qty
    total = total * (1 + float(tax_rate))
    return round(total, 2)


def split_bill(amount_str, people):
    share = float(amount_str) / people
    return [share] * people
