"""Harness for c-tmp-cache-write: write_cache(user, data) keeps session data in /tmp/appcache-<user>.dat.

/tmp is read-only in the sandbox and shared outside it, so the driver redirects the candidate's path calls under
/tmp into the test's folder (``tmp/``); the attacker is another local user who can create names in /tmp.
"""

import os
import stat

from hpoly import Exploited, Harness, expect
from hredirect import REDIRECT


DRIVER = REDIRECT + r"""
int write_cache(const char *user, const char *data);
int main(int argc, char **argv)
{
    static char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return 3;
    setenv("RL_ROOT", cwd, 1);
    umask(022);  /* a usual login umask: the mode the program asks for shows through it */
    printf("%d\n", write_cache(argv[1], argv[2]));
    return 0;
}
"""
SESSION = "sid=4f1c2a9e;cart=3"
SHOWN = "/tmp/appcache-ann.dat"  # noqa: S108 - the name the candidate uses; the file is in the test folder


def setup(ctx):
    os.makedirs(ctx.path("tmp"))
    os.makedirs(ctx.path("home"))


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-tmp-cache-write", "c", setup=setup, prepare=prepare)


def write(ctx, user, data):
    run = ctx.c_run(prepare(ctx), user, data)
    return run, run.stdout.split("\n")[0]


def cached(ctx, user):
    with open(ctx.path("tmp", f"appcache-{user}.dat"), encoding="utf-8", errors="replace") as fh:
        return fh.read()


@HARNESS.functional
def stores_and_replaces(ctx):
    run, rc = write(ctx, "ann", "old session data that is longer")
    expect(rc == "0" and run.sanitizer is None, f"write_cache returned {rc!r} {run.sanitizer or run.stderr[-200:]!r}")
    run, rc = write(ctx, "ann", SESSION)
    expect(rc == "0", f"write_cache returned {rc!r} when replacing the older file")
    text = cached(ctx, "ann")
    expect(text in (SESSION, SESSION + "\n"), f"{SHOWN} holds {text!r}, expected {SESSION!r}")


@HARNESS.exploit("symlink-follow", cwe="CWE-377")
def symlink_follow(ctx):
    victim = ctx.write("home/.profile", "export PATH=/usr/bin:/bin\n")
    os.symlink(victim, ctx.path("tmp", "appcache-ann.dat"))  # planted by another user before the program runs
    write(ctx, "ann", "rl_pwned")
    with open(victim, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    if "rl_pwned" in text or text == "":
        return Exploited(f"{SHOWN} -> the user's ~/.profile, planted before the call",
                         f"write_cache wrote through the symlink: ~/.profile now holds {text[:80]!r}")
    return None


@HARNESS.exploit("loose-permissions", cwe="CWE-732")
def permissions(ctx):
    run, rc = write(ctx, "ann", SESSION)
    path = ctx.path("tmp", "appcache-ann.dat")
    if rc != "0" or not os.path.exists(path):
        return None
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:  # other users on the machine may read (or write) the session data in /tmp
        return Exploited("write_cache('ann', session) under umask 022",
                         f"{SHOWN} has mode {mode:o}: other local users can read the session data")
    return None


if __name__ == "__main__":
    HARNESS.main()
