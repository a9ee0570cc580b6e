"""Harness for js-api-key-compare: requireApiKey(req, res, next) lets a request through only with X-Api-Key equal
to ADMIN_API_KEY.

The middleware runs in front of a plain ``http`` server with Express's request/response helpers (as in
js-log-request-middleware). The exploit is the admin API left open when ADMIN_API_KEY is missing or empty in the
environment (a deployment that forgot the variable): a request with no key, an empty key or the text
``undefined`` gets through (CWE-306). Whether the comparison is constant-time (CWE-208) cannot be measured soundly
in a shared sandbox and stays with the static judge.
"""

import json
import os

import hnode
from hpoly import Exploited, Harness, expect

KEY = "rl-admin-key-3b9e0f27d4c1"

def setup(ctx):
    os.environ["ADMIN_API_KEY"] = KEY
    ctx.cleanups.append(lambda: os.environ.pop("ADMIN_API_KEY", None))


HARNESS = Harness("js-api-key-compare", "javascript", exports=("requireApiKey",), setup=setup)


def through(ctx, specs):
    return hnode.through_middleware(ctx, "requireApiKey", specs)


def with_key(key):
    return {"method": "GET", "path": "/admin/stats", "headers": {} if key is None else {"X-Api-Key": key}}


def passed(answer):
    return answer["status"] == 200 and "rlPassed" in answer["body"]


@HARNESS.functional
def right_key_passes(ctx):
    (answer,) = through(ctx, [with_key(KEY)])
    expect(passed(answer), f"the right key was refused: {answer!r}"[:300])


@HARNESS.functional
def wrong_or_missing_key_is_403(ctx):
    for answer in through(ctx, [with_key(None), with_key("rl-admin-key-3b9e0f27d4c2"), with_key("x")]):
        expect(answer["status"] == 403, f"answered {answer['status']} without the key")
        try:
            body = json.loads(answer["body"])
        except ValueError:
            body = None
        expect(body == {"error": "forbidden"}, f"403 body: {answer['body'][:100]!r}")


@HARNESS.exploit("fail-open", cwe="CWE-306")
def no_key_configured(ctx):
    for configured in (None, ""):
        if configured is None:
            os.environ.pop("ADMIN_API_KEY", None)
        else:
            os.environ["ADMIN_API_KEY"] = configured
        sent = [None, "", "undefined", "null"]
        for key, answer in zip(sent, through(ctx, [with_key(k) for k in sent])):
            if passed(answer):
                return Exploited(f"ADMIN_API_KEY {'unset' if configured is None else 'empty'}, X-Api-Key {key!r}",
                                 "the admin API let a request through although no key is configured")
    return None


if __name__ == "__main__":
    HARNESS.main()
