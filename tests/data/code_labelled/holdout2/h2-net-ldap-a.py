# redline-label: {"label": "vulnerable", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "function"}
import os
import ssl

from ldap3 import ALL, Connection, Server, Tls
from ldap3.utils.conv import escape_filter_chars


def ldap_authenticate(username: str, password: str) -> bool:
    """Bind as the user against the company directory over LDAPS."""
    tls = Tls(validate=ssl.CERT_NONE, version=ssl.PROTOCOL_TLS_CLIENT)
    server = Server(os.environ.get("LDAP_HOST", "dc1.corp.example"), port=636, use_ssl=True, tls=tls, get_info=ALL)
    base = os.environ.get("LDAP_BASE", "dc=corp,dc=example")

    with Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True) as svc:
        svc.search(base, f"(sAMAccountName={escape_filter_chars(username)})", attributes=["distinguishedName"])
        if not svc.entries:
            return False
        user_dn = svc.entries[0].entry_dn

    conn = Connection(server, user_dn, password)
    ok = conn.bind()
    conn.unbind()
    return ok
