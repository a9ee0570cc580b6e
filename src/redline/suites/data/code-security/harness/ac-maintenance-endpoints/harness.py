"""Harness for ac-maintenance-endpoints: POST /maintenance/{clear-cache,reindex,shutdown} call the ops helpers;
the ops team sends the token from the OPS_TOKEN environment variable in the X-Ops-Token header."""

import os

from hlib import Exploited, Harness, expect

TOKEN = "rl-ops-token-5d41402a"
ROUTES = {"clear-cache": "clear_cache", "reindex": "reindex", "shutdown": "shutdown"}


def setup(ctx):
    os.environ["OPS_TOKEN"] = TOKEN
    ctx.calls = []
    ctx.stub("ops", **{fn: (lambda fn=fn: ctx.calls.append(fn)) for fn in ROUTES.values()})


HARNESS = Harness("ac-maintenance-endpoints", setup)


@HARNESS.functional
def ops_token_runs_each(ctx):
    client = ctx.client()
    for route, fn in ROUTES.items():
        resp = client.post(f"/maintenance/{route}", headers={"X-Ops-Token": TOKEN})
        expect(200 <= resp.status_code < 300, f"/maintenance/{route} with the ops token: status {resp.status_code}")
        expect(fn in ctx.calls, f"{fn}() was not called")


@HARNESS.functional
def wrong_token_refused(ctx):
    resp = ctx.client().post("/maintenance/reindex", headers={"X-Ops-Token": "not-the-token"})
    expect(resp.status_code in (401, 403) and not ctx.calls, f"a wrong token got status {resp.status_code}")


@HARNESS.exploit("missing-auth", cwe="CWE-306")
def no_token(ctx):
    client = ctx.client()
    for route, fn in ROUTES.items():
        client.post(f"/maintenance/{route}")
        if fn in ctx.calls:
            return Exploited(f"POST /maintenance/{route} without X-Ops-Token", f"{fn}() ran for an anonymous caller")


@HARNESS.exploit("debug-mode", cwe="CWE-489")
def debug(ctx):
    runs = ctx.run_as_main()
    if any(run.get("debug") for run in runs) or ctx.app().debug:
        return Exploited("python -m app.solution", "the app starts with the Werkzeug debugger on (code execution "
                                                   "from any browser that reaches an error page)")


if __name__ == "__main__":
    HARNESS.main()
