"""CWE ids, short names and the families used to decide whether a finding is "about" the asked weakness.

A task asks about, say, weak password hashing (CWE-916); a finding counts for it when its CWE is in the same
family (CWE-327, CWE-328, CWE-759 ...). Families follow the check catalogue shared with the suite author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NUM = re.compile(r"^\s*(?:cwe[-_ ]?)?0*(\d{1,5})\s*$", re.IGNORECASE)

FAMILIES: dict[str, frozenset[str]] = {
    name: frozenset(f"CWE-{n}" for n in nums)
    for name, nums in {
        "password-storage": (256, 257, 259, 261, 327, 328, 759, 760, 916, 208),
        "session": (384, 613, 614, 1004, 330, 338),
        "sql": (89, 564),
        "os-command": (78, 77, 88),
        "path-upload": (22, 23, 36, 73, 434),
        "deserialization-parsing": (502, 611, 776, 827),
        "crypto-randomness": (327, 328, 330, 338, 326),
        "secrets-config": (798, 259, 321, 489, 215),
        "web-output": (79, 80, 352, 601, 116),
        "network": (295, 297, 918, 400),
        "access-control": (284, 285, 306, 862, 863, 345, 347),
        "logging": (532, 117, 200),
        "code-injection": (94, 95),
    }.items()
}

CWE_NAMES: dict[str, str] = {
    "CWE-20": "Improper Input Validation",
    "CWE-22": "Path Traversal",
    "CWE-23": "Relative Path Traversal",
    "CWE-36": "Absolute Path Traversal",
    "CWE-73": "External Control of File Name or Path",
    "CWE-77": "Command Injection",
    "CWE-78": "OS Command Injection",
    "CWE-79": "Cross-site Scripting",
    "CWE-80": "Basic XSS",
    "CWE-88": "Argument Injection",
    "CWE-89": "SQL Injection",
    "CWE-94": "Code Injection",
    "CWE-95": "Eval Injection",
    "CWE-116": "Improper Encoding or Escaping of Output",
    "CWE-117": "Improper Output Neutralization for Logs",
    "CWE-200": "Exposure of Sensitive Information",
    "CWE-208": "Observable Timing Discrepancy",
    "CWE-209": "Information Exposure Through an Error Message",
    "CWE-215": "Insertion of Sensitive Information Into Debugging Code",
    "CWE-256": "Plaintext Storage of a Password",
    "CWE-257": "Storing Passwords in a Recoverable Format",
    "CWE-259": "Use of Hard-coded Password",
    "CWE-261": "Weak Encoding for Password",
    "CWE-284": "Improper Access Control",
    "CWE-285": "Improper Authorization",
    "CWE-295": "Improper Certificate Validation",
    "CWE-297": "Improper Validation of Certificate with Host Mismatch",
    "CWE-306": "Missing Authentication for Critical Function",
    "CWE-319": "Cleartext Transmission of Sensitive Information",
    "CWE-321": "Use of Hard-coded Cryptographic Key",
    "CWE-326": "Inadequate Encryption Strength",
    "CWE-327": "Use of a Broken or Risky Cryptographic Algorithm",
    "CWE-328": "Use of Weak Hash",
    "CWE-329": "Generation of Predictable IV with CBC Mode",
    "CWE-330": "Use of Insufficiently Random Values",
    "CWE-338": "Use of Cryptographically Weak PRNG",
    "CWE-345": "Insufficient Verification of Data Authenticity",
    "CWE-347": "Improper Verification of Cryptographic Signature",
    "CWE-352": "Cross-Site Request Forgery",
    "CWE-377": "Insecure Temporary File",
    "CWE-384": "Session Fixation",
    "CWE-400": "Uncontrolled Resource Consumption",
    "CWE-434": "Unrestricted Upload of File with Dangerous Type",
    "CWE-489": "Active Debug Code",
    "CWE-502": "Deserialization of Untrusted Data",
    "CWE-532": "Insertion of Sensitive Information into Log File",
    "CWE-564": "SQL Injection: Hibernate",
    "CWE-601": "Open Redirect",
    "CWE-605": "Multiple Binds to the Same Port",
    "CWE-611": "XML External Entity Reference",
    "CWE-613": "Insufficient Session Expiration",
    "CWE-614": "Sensitive Cookie Without Secure Attribute",
    "CWE-703": "Improper Check or Handling of Exceptional Conditions",
    "CWE-732": "Incorrect Permission Assignment for Critical Resource",
    "CWE-759": "Use of a One-Way Hash without a Salt",
    "CWE-760": "Use of a One-Way Hash with a Predictable Salt",
    "CWE-776": "XML Entity Expansion",
    "CWE-798": "Use of Hard-coded Credentials",
    "CWE-827": "Improper Control of Document Type Definition",
    "CWE-862": "Missing Authorization",
    "CWE-863": "Incorrect Authorization",
    "CWE-916": "Password Hash With Insufficient Computational Effort",
    "CWE-918": "Server-Side Request Forgery",
    "CWE-942": "Permissive Cross-domain Policy",
    "CWE-1004": "Sensitive Cookie Without HttpOnly",
    "CWE-1333": "Inefficient Regular Expression Complexity",
}


def normalize_cwe(value: object) -> str | None:
    """``"CWE-89"`` from ``89``, ``"89"``, ``"cwe-089"`` or ``"CWE-89: SQL Injection"``; None when not a CWE."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return f"CWE-{value}" if value > 0 else None
    text = str(value).split(":", 1)[0]
    match = _NUM.match(text)
    if not match or int(match.group(1)) == 0:
        return None
    return f"CWE-{int(match.group(1))}"


def families_of(cwe: str) -> list[str]:
    """Names of the families a CWE belongs to (a CWE such as CWE-327 belongs to several)."""
    return [name for name, members in FAMILIES.items() if cwe in members]


def expand_scope(cwes: Iterable[str]) -> frozenset[str]:
    """The asked CWEs plus every member of their families: the CWEs a finding may have to count."""
    out: set[str] = set()
    for raw in cwes:
        cwe = normalize_cwe(raw)
        if cwe is None:
            continue
        out.add(cwe)
        for name in families_of(cwe):
            out |= FAMILIES[name]
    return frozenset(out)


def category_of(cwes: Iterable[str]) -> str:
    """The family of the first CWE that has one (used to group evaluation results), else ``other``."""
    for raw in cwes:
        cwe = normalize_cwe(raw)
        if cwe is not None and families_of(cwe):
            return families_of(cwe)[0]
    return "other"


def cwe_name(cwe: str | None) -> str:
    return CWE_NAMES.get(cwe or "", "")
