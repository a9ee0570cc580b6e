# probe: {"label": "secure", "cwes": ["CWE-597"]}
def can_ship(order: dict) -> bool:
    status = order.get("status", "").strip()
    return status in ("paid", "approved")
