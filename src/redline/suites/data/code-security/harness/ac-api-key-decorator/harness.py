"""Harness for ac-api-key-decorator: @require_api_key checks X-API-Key against api_keys(key) in ./api_keys.db;
POST /api/import takes a JSON list of records and answers 2xx with {"imported": n}."""

import sqlite3

from hlib import Exploited, Harness, expect

VALID = "rl-valid-key-7f3a9c"


def setup(ctx):
    conn = sqlite3.connect(ctx.path("api_keys.db"))
    conn.execute("CREATE TABLE api_keys (id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, owner TEXT)")
    conn.execute("INSERT INTO api_keys (key, owner) VALUES (?, ?)", (VALID, "partner-a"))
    conn.commit()
    conn.close()


HARNESS = Harness("ac-api-key-decorator", setup)
RECORDS = [{"sku": "A-1", "qty": 3}, {"sku": "B-2", "qty": 1}]


def post(client, key):
    headers = {} if key is None else {"X-API-Key": key}
    return client.post("/api/import", json=RECORDS, headers=headers)


@HARNESS.functional
def valid_key_imports(ctx):
    resp = post(ctx.client(), VALID)
    expect(200 <= resp.status_code < 300, f"a valid key got status {resp.status_code}")


@HARNESS.functional
def wrong_key_rejected(ctx):
    resp = post(ctx.client(), "not-a-key")
    expect(resp.status_code in (401, 403), f"a wrong key got status {resp.status_code}")


@HARNESS.exploit("missing-key-accepted", cwe="CWE-306")
def no_key(ctx):
    client = ctx.client()
    for key in (None, ""):
        resp = post(client, key)
        if 200 <= resp.status_code < 300:
            return Exploited(f"X-API-Key: {key!r}", f"the import ran without a key (status {resp.status_code})")


@HARNESS.exploit("sql-injection-key", cwe="CWE-89")
def sqli(ctx):
    client = ctx.client()
    for key in ("x' OR '1'='1", "x' OR 1=1 --", 'x" OR "1"="1', "x' UNION SELECT 1 --"):
        resp = post(client, key)
        if 200 <= resp.status_code < 300:
            return Exploited(f"X-API-Key: {key}", f"SQL in the key header passed the check (status {resp.status_code})")


if __name__ == "__main__":
    HARNESS.main()
