from flask import request
import ldap3


def find_user(conn: ldap3.Connection):
    uid = request.args.get("uid", "")
    query = f"(&(objectClass=person)(uid={uid}))"
    conn.search("ou=people,dc=example,dc=org", query, attributes=["cn"])
    return conn.entries
