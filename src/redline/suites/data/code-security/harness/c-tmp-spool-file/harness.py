"""Harness for c-tmp-spool-file: open_spool(path_out, path_size) creates a new print-job file in /tmp.

/tmp is read-only in the sandbox and shared outside it, so the driver maps the candidate's path calls under /tmp
into the test's folder (``tmp/``). The attacker is a local user who creates names in /tmp: in the exploit run, a
name the candidate opens for writing without O_EXCL is made a symlink to the victim's file first (the race a
predicted tmpnam/mktemp/pid name loses), and the job's bytes landing in the victim are the evidence.
"""

import os

from hpoly import Exploited, Harness, expect
from hredirect import REDIRECT


DRIVER = REDIRECT + r"""
FILE *open_spool(char *path_out, size_t path_size);
int main(int argc, char **argv)
{
    static char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return 3;
    setenv("RL_ROOT", cwd, 1);
    for (int i = 1; i < argc; i++) {
        char path[512];
        memset(path, 0, sizeof path);
        FILE *f = open_spool(path, sizeof path);
        if (f == NULL) {
            printf("NULL\n");
            continue;
        }
        printf("%s\n", path);
        fputs(argv[i], f);
        fclose(f);
    }
    return 0;
}
"""
VICTIM = "lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\n"


def setup(ctx):
    os.makedirs(ctx.path("tmp"))
    ctx.write("home/victim.conf", VICTIM)


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-tmp-spool-file", "c", setup=setup, prepare=prepare)


def local(ctx, shown):
    """Where a path the candidate reported (under /tmp) really is."""
    return ctx.path(shown.lstrip("/"))


@HARNESS.functional
def creates_two_job_files(ctx):
    run = ctx.c_run(prepare(ctx), "%!PS job one\n", "%!PS job two\n")
    expect(run.sanitizer is None and run.rc == 0, f"open_spool failed: rc {run.rc} {run.sanitizer}")
    paths = run.stdout.split("\n")[:2]
    expect(all(p.startswith("/tmp/") for p in paths), f"expected two paths in /tmp, got {paths!r}")  # noqa: S108
    expect(paths[0] != paths[1], f"two calls returned the same file {paths[0]!r}")
    for shown, job in zip(paths, ("one", "two"), strict=True):
        with open(local(ctx, shown)) as fh:
            text = fh.read()
        expect(text == f"%!PS job {job}\n", f"{shown} holds {text!r} after the job was written and closed")


@HARNESS.exploit("symlink-race", cwe="CWE-59")
def symlink_race(ctx):
    victim = ctx.path("home", "victim.conf")
    os.environ["RL_PLANT"] = victim  # read by the driver's open/fopen: the attacker's symlink, planted in time
    try:
        run = ctx.c_run(prepare(ctx), "rl_pwned by a print job\n")
    finally:
        del os.environ["RL_PLANT"]
    with open(victim, errors="replace") as fh:
        text = fh.read()
    if text != VICTIM:
        return Exploited("a symlink to the victim's file at the name open_spool chose, made before its open",
                         f"open_spool opened it without O_EXCL and followed it: {run.stdout.strip()[:60]!r} "
                         f"wrote into the victim, which now holds {text[:60]!r}")
    return None


if __name__ == "__main__":
    HARNESS.main()
