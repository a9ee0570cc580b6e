# probe: {"label": "secure", "cwes": ["CWE-176"]}
import unicodedata


def username_key(name: str) -> str:
    """Key under which a user name is stored and compared."""
    key = unicodedata.normalize("NFKC", name).casefold()
    if not key.isascii():
        raise ValueError("user names must be ASCII after normalisation")
    return key
