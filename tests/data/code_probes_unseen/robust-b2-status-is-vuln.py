# probe: {"label": "vulnerable", "cwes": ["CWE-597"]}
def can_ship(order: dict) -> bool:
    status = order.get("status", "").strip()
    return status is "paid" or status is "approved"
