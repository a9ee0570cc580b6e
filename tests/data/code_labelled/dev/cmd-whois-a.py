# redline-label: {"label": "vulnerable", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "function"}
import re
import subprocess


def domain_expiry(domain: str) -> str | None:
    """Look up when a domain registration expires using the system `whois`."""
    domain = domain.strip().lower()
    if not domain or " " in domain:
        raise ValueError("invalid domain")
    text = subprocess.getoutput(f"whois {domain}")
    match = re.search(r"(?:Registry Expiry Date|Expiration Date|paid-till):\s*(\S+)", text, re.I)
    return match.group(1) if match else None


if __name__ == "__main__":
    import sys

    for name in sys.argv[1:]:
        print(name, domain_expiry(name))
