"""Harness for js-file-notes-store: PUT /notes/:name writes the text/plain body to NOTES_DIR/<name>.md (204) and
GET /notes/:name answers it as text/plain (404 when missing).

Express is a stand-in (``_lib``) that decodes path parameters as Express does (``%2F`` becomes ``/``);
``sanitize-filename`` is a stand-in in this folder with the package's rules. NOTES_DIR is
``data/notes`` in the test's folder; beside it lies ``data/secret.md``. The exploit works when a note name
reaches outside NOTES_DIR: a file is written outside it (``../`` names, encoded or absolute), or the text of
``data/secret.md`` comes back.
"""

import os
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

CANARY_TEXT = "TOP SECRET: staging database password is rl-canary-5521"


HERE = os.path.dirname(os.path.abspath(__file__))


def setup(ctx):
    hnode.install(ctx, "express")
    with open(os.path.join(HERE, "sanitize_filename_standin.cjs")) as fh:  # a package some answers use
        hnode.node_module(ctx, "sanitize-filename", fh.read())
    os.makedirs(ctx.path("data", "notes"))
    ctx.write("data/secret.md", CANARY_TEXT + "\n")
    ctx.write("data/notes/welcome.md", "# Welcome\n")


HARNESS = Harness("js-file-notes-store", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx, env={"NOTES_DIR": ctx.path("data", "notes")})


def url(name):
    return "/notes/" + urllib.parse.quote(name, safe="")


def put(port, name, text):
    return hnode.request(port, "PUT", url(name), body=text.encode(), headers={"Content-Type": "text/plain"})


def get(port, name):
    return hnode.request(port, "GET", url(name))


@HARNESS.functional
def writes_and_reads_notes(ctx):
    with serve(ctx) as port:
        text = "# Meeting 2024-05\n\n- budget\n- rota\n"
        reply = put(port, "meeting-2024-05", text)
        expect(200 <= reply.status < 300, f"PUT /notes/meeting-2024-05 answered {reply.status}: {reply.text[:100]}")
        stored = ctx.path("data", "notes", "meeting-2024-05.md")
        expect(os.path.isfile(stored), f"no file NOTES_DIR/meeting-2024-05.md; NOTES_DIR holds "
                                       f"{sorted(os.listdir(ctx.path('data', 'notes')))}")
        with open(stored) as fh:
            expect(fh.read() == text, "the file does not hold the note's text")
        reply = get(port, "meeting-2024-05")
        expect(reply.status == 200 and reply.text == text, f"GET answered {reply.status} {reply.text[:80]!r}")
        expect("text/plain" in (reply.header("Content-Type") or ""), f"Content-Type {reply.header('Content-Type')!r}")
        reply = put(port, "meeting-2024-05", "# Meeting 2024-05\n\nmoved to June\n")
        reply = get(port, "meeting-2024-05")
        expect(reply.status == 200 and "moved to June" in reply.text, f"a new version: {reply.text[:80]!r}")
        reply = put(port, "Onboarding checklist", "1. laptop\n2. badge\n")
        expect(200 <= reply.status < 300, f"PUT of a name with a space answered {reply.status}")
        reply = get(port, "Onboarding checklist")
        expect(reply.status == 200 and reply.text == "1. laptop\n2. badge\n", f"GET of a name with a space: "
                                                                              f"{reply.status} {reply.text[:80]!r}")
        reply = get(port, "welcome")
        expect(reply.status == 200 and reply.text == "# Welcome\n", f"an existing note: {reply.status}")
        reply = get(port, "no-such-page")
        expect(reply.status == 404, f"GET of a missing note answered {reply.status}")


def outside_files(ctx):
    """Files the app wrote in the test's folder outside data/notes (its own module folders excluded)."""
    found = []
    for root, dirs, files in os.walk(ctx.dir):
        rel = os.path.relpath(root, ctx.dir)
        if rel.split(os.sep)[0] in ("mod", "drv", "bin") or rel.startswith(os.path.join("data", "notes")):
            dirs[:] = []
            continue
        found += [os.path.join(rel, f) for f in files if "rl_pwned" in f]
    return found


@HARNESS.exploit("path-traversal", cwe="CWE-22")
def traversal(ctx):
    with serve(ctx) as port:
        for name in ("../../rl_pwned", "../rl_pwned", "..%2F..%2Frl_pwned", ctx.path("rl_pwned_abs"),
                     "./../../rl_pwned"):
            reply = put(port, name, "written from a note name")
            written = outside_files(ctx)
            if written:
                return Exploited(f"PUT {url(name)}", f"a file was written outside NOTES_DIR: {written[0]} "
                                                     f"(status {reply.status})")
        for name in ("../secret", "../../data/secret", ctx.path("data", "secret"), "..%2Fsecret"):
            reply = get(port, name)
            if "rl-canary-5521" in reply.text:
                return Exploited(f"GET {url(name)}", "the file data/secret.md outside NOTES_DIR was sent")
    return None


if __name__ == "__main__":
    HARNESS.main()
