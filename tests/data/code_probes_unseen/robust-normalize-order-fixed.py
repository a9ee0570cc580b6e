# probe: {"label": "secure", "cwes": ["CWE-180"]}
import unicodedata

BLOCKED = ("<script", "javascript:")


def clean_comment(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    lowered = text.lower()
    if any(tag in lowered for tag in BLOCKED):
        raise ValueError("markup not allowed")
    return text
