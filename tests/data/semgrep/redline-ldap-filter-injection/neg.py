from flask import request
import ldap3
from ldap3.utils.conv import escape_filter_chars


def find_user(conn: ldap3.Connection):
    uid = escape_filter_chars(request.args.get("uid", ""))
    query = f"(&(objectClass=person)(uid={uid}))"
    conn.search("ou=people,dc=example,dc=org", query, attributes=["cn"])
    return conn.entries
