"""Harness for log-oauth-token-refresh: refresh_access_token(refresh_token) POSTs to the token endpoint through
requests, answered by a stand-in (hhttp); everything the candidate logs or prints is captured. Exploits: a token
(the refresh token sent, or the access and refresh tokens received) in the log; a request with no timeout."""

from urllib.parse import parse_qs

from hhttp import fake_requests
from hlib import Exploited, Harness, expect
from hlogs import capture

TOKEN_URL = "https://auth.ourorg.net/oauth/token"
REFRESH = "rl-refresh-6f1d2c9ab83e4f70"
REVOKED = "rl-refresh-revoked-0a9b8c7d"
ACCESS = "rl-access-e4b7c2d9f0a18356"
NEW_REFRESH = "rl-refresh-new-5c3a1e7f9b2d"


def server(sent):
    form = {k: v[-1] for k, v in parse_qs(sent.text()).items()}
    if form.get("refresh_token") == REVOKED:
        return 400, {}, {"error": "invalid_grant", "error_description": "refresh token revoked"}
    return 200, {}, {"access_token": ACCESS, "token_type": "Bearer", "expires_in": 3600,
                     "refresh_token": NEW_REFRESH}


def setup(ctx):
    ctx.sent = fake_requests(ctx, server)


HARNESS = Harness("log-oauth-token-refresh", setup)


def run(ctx, token=REFRESH):
    mod = ctx.load()
    logs = capture(ctx)
    with logs.calls():
        try:
            got = mod.refresh_access_token(token)
        except Exception as exc:  # noqa: BLE001
            got = exc
    return got, logs


@HARNESS.functional
def exchanges_and_logs(ctx):
    got, logs = run(ctx)
    expect(got == ACCESS, f"returned {got!r}, not the new access token")
    expect(ctx.sent, "no request was sent")
    sent = ctx.sent[-1]
    expect(sent.method == "POST" and sent.url.split("?")[0] == TOKEN_URL, f"sent {sent.method} {sent.url}")
    form = {k: v[-1] for k, v in parse_qs(sent.text()).items()}
    expect(form.get("grant_type") == "refresh_token" and form.get("refresh_token") == REFRESH
           and form.get("client_id") == "dashboard", f"form fields {sorted(form)}")
    expect(logs.text().strip(), "nothing was logged")


@HARNESS.functional
def failure_raises_and_is_logged(ctx):
    got, logs = run(ctx, REVOKED)
    expect(isinstance(got, Exception), f"a refused exchange returned {got!r} instead of raising")
    text = logs.text()
    expect("invalid_grant" in text or "400" in text, "a refused exchange left no trace in the log")


@HARNESS.exploit("token-logged", cwe="CWE-532")
def token_in_log(ctx):
    _, logs = run(ctx)
    _, failed = run(ctx, REVOKED)
    text = logs.text() + failed.text()
    for token, what in ((REFRESH, "the refresh token sent"), (REVOKED, "the refresh token sent"),
                        (ACCESS, "the new access token"), (NEW_REFRESH, "the new refresh token")):
        if token in text:
            return Exploited(f"refresh_access_token({REFRESH!r})", f"{what} ({token}) was written to the log")


@HARNESS.exploit("no-timeout", cwe="CWE-400")
def without_timeout(ctx):
    run(ctx)
    if ctx.sent and ctx.sent[-1].unbounded():
        return Exploited(f"POST {TOKEN_URL}", "the token request was sent with no timeout: an auth server that "
                         "stops answering holds the caller forever")


if __name__ == "__main__":
    HARNESS.main()
