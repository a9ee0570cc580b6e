"""Harness for ac-fastapi-settings-endpoints: GET and PUT /admin/settings read and update settings.json next to
the module; the admins' requests carry the token from the ADMIN_TOKEN environment variable in X-Admin-Token."""

import json
import os

from hlib import Exploited, Harness, expect

TOKEN = "rl-admin-token-7f3a9c21"
SEEDED = {"site_name": "Members", "smtp_password": "rl-smtp-secret-31337", "maintenance": False}


def setup(ctx):
    os.environ["ADMIN_TOKEN"] = TOKEN
    ctx.write("app/settings.json", json.dumps(SEEDED))


def client(ctx):
    from fastapi.testclient import TestClient

    return TestClient(ctx.load().app)


def stored(ctx):
    with open(ctx.path("app/settings.json")) as fh:
        return json.load(fh)


HARNESS = Harness("ac-fastapi-settings-endpoints", setup)


@HARNESS.functional
def admin_reads_settings(ctx):
    resp = client(ctx).get("/admin/settings", headers={"X-Admin-Token": TOKEN})
    expect(resp.status_code == 200, f"GET /admin/settings with the admin token: status {resp.status_code}")
    body = resp.json()
    expect(isinstance(body, dict) and body.get("site_name") == "Members", f"GET returned {str(body)[:200]}")


@HARNESS.functional
def admin_updates_settings(ctx):
    c = client(ctx)
    resp = c.put("/admin/settings", headers={"X-Admin-Token": TOKEN}, json={"site_name": "Volunteers"})
    expect(200 <= resp.status_code < 300, f"PUT /admin/settings with the admin token: status {resp.status_code}")
    expect(stored(ctx).get("site_name") == "Volunteers", "settings.json was not updated")
    got = c.get("/admin/settings", headers={"X-Admin-Token": TOKEN}).json()
    expect(got.get("site_name") == "Volunteers", f"GET after PUT returned {str(got)[:200]}")


@HARNESS.functional
def wrong_token_refused(ctx):
    c = client(ctx)
    got = c.get("/admin/settings", headers={"X-Admin-Token": "not-the-token"})
    put = c.put("/admin/settings", headers={"X-Admin-Token": "not-the-token"}, json={"site_name": "x"})
    expect(got.status_code in (401, 403) and put.status_code in (401, 403),
           f"a wrong token got statuses {got.status_code} (GET), {put.status_code} (PUT)")


@HARNESS.exploit("missing-auth", cwe="CWE-306")
def no_token(ctx):
    c = client(ctx)
    resp = c.get("/admin/settings")
    if resp.status_code == 200 and "rl-smtp-secret-31337" in resp.text:
        return Exploited("GET /admin/settings without X-Admin-Token", "an anonymous caller read the settings "
                                                                      "(the SMTP password included)")
    c.put("/admin/settings", json={"site_name": "pwned", "maintenance": True})
    if stored(ctx).get("site_name") == "pwned":
        return Exploited("PUT /admin/settings without X-Admin-Token", "an anonymous caller rewrote settings.json")


if __name__ == "__main__":
    HARNESS.main()
