# probe: {"label": "vulnerable", "cwes": ["CWE-595"]}
def same_account(a_id: str, b_id: str) -> bool:
    return a_id is b_id


def is_default_port(port: int) -> bool:
    return port is 8080
