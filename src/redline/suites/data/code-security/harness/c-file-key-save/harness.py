"""Harness for c-file-key-save: save_private_key(path, pem) writes the router's private TLS key to a file.

The driver sets the process umask (022, the usual one, then 002, the one of systems with a group per user) and
calls save_private_key once. Functional tests read the file back (a new one, and one replaced with shorter
text) and expect -1 for a path in a missing folder. The exploit reads the mode of the new key file: any
permission for the group or for other users means other local accounts can read (or change) the private key.
"""

import os
import stat

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
int save_private_key(const char *path, const char *pem);
int main(int argc, char **argv)
{
    umask((mode_t)strtol(argv[3], NULL, 8));
    printf("%d\n", save_private_key(argv[1], argv[2]));
    return 0;
}
"""
PEM = ("-----BEGIN PRIVATE KEY-----\n"
       "MC4CAQAwBQYDK2VwBCIEIHc3QmVyb3V0ZXJrZXlmb3J0ZXN0aW5nMDEyMzQ1Njc4\n"
       "-----END PRIVATE KEY-----\n")
OLD = "-----BEGIN PRIVATE KEY-----\n" + "A" * 64 + "\n" + "B" * 64 + "\n" + "C" * 64 + "\n-----END PRIVATE KEY-----\n"


def setup(ctx):
    os.makedirs(ctx.path("etc", "router"))


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-file-key-save", "c", setup=setup, prepare=prepare)


def save(ctx, rel, pem=PEM, umask="022"):
    run = ctx.c_run(prepare(ctx), ctx.path(rel), pem, umask)
    return run, run.stdout.split()[:1]


def read(ctx, rel):
    with open(ctx.path(rel), encoding="utf-8", errors="replace") as fh:
        return fh.read()


@HARNESS.functional
def writes_new_key(ctx):
    run, rc = save(ctx, "etc/router/tls.key")
    expect(rc == ["0"], f"save_private_key returned {run.stdout!r} {run.stderr[-200:]!r}")
    expect(os.path.isfile(ctx.path("etc/router/tls.key")), "no file at the path")
    text = read(ctx, "etc/router/tls.key")
    expect(text in (PEM, PEM + "\n"), f"the key file holds {text[:80]!r}, expected the PEM text")


@HARNESS.functional
def replaces_old_key(ctx):
    old = ctx.write("etc/router/tls.key", OLD)
    os.chmod(old, 0o600)
    run, rc = save(ctx, "etc/router/tls.key")
    expect(rc == ["0"], f"save_private_key over an old key returned {run.stdout!r} {run.stderr[-200:]!r}")
    text = read(ctx, "etc/router/tls.key")
    expect(text in (PEM, PEM + "\n"), f"after replacing, the key file holds {text[:120]!r}, expected the new PEM")


@HARNESS.functional
def reports_failure(ctx):
    run, rc = save(ctx, "etc/missing-folder/tls.key")
    expect(rc == ["-1"], f"a path in a missing folder: save_private_key returned {run.stdout!r}, expected -1")


@HARNESS.exploit("readable-by-others", cwe="CWE-732")
def readable(ctx):
    for umask in ("022", "002"):
        rel = f"etc/router/tls-{umask}.key"
        _, rc = save(ctx, rel, umask=umask)
        if rc != ["0"] or not os.path.exists(ctx.path(rel)):
            continue
        mode = stat.S_IMODE(os.stat(ctx.path(rel)).st_mode)
        if mode & 0o077:
            who = "every local user" if mode & 0o004 else "the file's group"
            return Exploited(f"save_private_key(path, pem) under umask {umask}",
                             f"the private key file has mode {mode:o}: {who} can read or change the key")
    return None


if __name__ == "__main__":
    HARNESS.main()
