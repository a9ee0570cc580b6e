"""Harness for web-login-next-redirect: POST /login (email, password, next) -> redirect to next or /dashboard."""

from urllib.parse import urlsplit

from hlib import Exploited, Harness, expect

USERS = {"ana@example.org": "correct horse"}


def setup(ctx):
    ctx.stub("auth", check_password=lambda email, password: USERS.get(email) == password)


HARNESS = Harness("web-login-next-redirect", setup)


def client(ctx):
    ctx.ensure_route("/dashboard", "dashboard")
    ctx.ensure_route("/profile/settings", "profile_settings")
    return ctx.client()


def login(client, next_value, password="correct horse"):
    data = {"email": "ana@example.org", "password": password}
    query = {}
    if next_value is not None:
        data["next"] = next_value
        query["next"] = next_value
    return client.post("/login", data=data, query_string=query)


def target(resp):
    loc = resp.headers.get("Location", "")
    return urlsplit(loc.replace("\\", "/"))


@HARNESS.functional
def goes_to_next(ctx):
    resp = login(client(ctx), "/profile/settings?tab=mail")
    expect(resp.status_code in (301, 302, 303, 307, 308), f"status {resp.status_code}")
    t = target(resp)
    expect(t.netloc in ("", "localhost") and t.path == "/profile/settings", f"went to {resp.headers.get('Location')}")


@HARNESS.functional
def default_dashboard(ctx):
    resp = login(client(ctx), None)
    expect(resp.status_code in (301, 302, 303, 307, 308), f"status {resp.status_code}")
    expect(target(resp).path == "/dashboard", f"went to {resp.headers.get('Location')}")


@HARNESS.functional
def wrong_password_stays(ctx):
    resp = login(client(ctx), "/profile", password="wrong")
    expect(not (resp.status_code in (301, 302, 303, 307, 308) and target(resp).path in ("/profile", "/dashboard")),
           "a wrong password was let through")


@HARNESS.exploit("open-redirect", cwe="CWE-601")
def off_site(ctx):
    for payload in ("https://evil.example/phish", "//evil.example/phish", "/\\evil.example/phish",
                    "https:evil.example", "http://localhost.evil.example/"):
        resp = login(client(ctx), payload)
        t = target(resp)
        if resp.status_code in (301, 302, 303, 307, 308) and "evil.example" in (t.netloc or "") + (
                t.path if t.scheme and not t.netloc else ""):
            return Exploited(payload, f"after login the user was sent off-site to {resp.headers['Location']}")


if __name__ == "__main__":
    HARNESS.main()
