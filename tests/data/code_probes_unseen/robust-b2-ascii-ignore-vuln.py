# probe: {"label": "vulnerable", "cwes": ["CWE-176"]}
def username_key(name: str) -> str:
    """Key under which a user name is stored and compared."""
    return name.encode("ascii", "ignore").decode("ascii").lower()
