"""Harness for c-file-serve-name: send_file(base_dir, name, out_fd) for names asked for by a client."""

from hpoly import Exploited, Harness, expect

CANARY_TEXT = "rl-canary-c-91e2 outside the download folder"
DRIVER = r"""
#include <stdio.h>
#include <unistd.h>
long send_file(const char *base_dir, const char *name, int out_fd);
int main(int argc, char **argv)
{
    fflush(stdout);
    long n = send_file(argv[1], argv[2], STDOUT_FILENO);
    printf("\n%ld\n", n);
    return 0;
}
"""


def setup(ctx):
    ctx.write("srv/files/report.csv", "id,total\n1,20\n")
    ctx.write("srv/private.txt", CANARY_TEXT)
    ctx.write("rl_canary.txt", CANARY_TEXT)


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-file-serve-name", "c", setup=setup, prepare=prepare)


@HARNESS.functional
def sends(ctx):
    run = ctx.c_run(prepare(ctx), ctx.path("srv", "files"), "report.csv")
    expect(run.sanitizer is None, f"sanitizer: {run.sanitizer}")
    expect(run.stdout.startswith("id,total\n1,20\n") and run.stdout.split()[-1] == "14", f"{run.stdout!r}")


@HARNESS.functional
def missing_is_minus_one(ctx):
    run = ctx.c_run(prepare(ctx), ctx.path("srv", "files"), "nope.csv")
    expect(run.stdout.split()[-1:] == ["-1"], f"{run.stdout!r}")


@HARNESS.exploit("path-traversal", cwe="CWE-22")
def traverse(ctx):
    prog = prepare(ctx)
    for name in ("../private.txt", "../../rl_canary.txt", "./../private.txt", ctx.path("rl_canary.txt")):
        run = ctx.c_run(prog, ctx.path("srv", "files"), name)
        if CANARY_TEXT in run.stdout:
            return Exploited(name, "a file outside the download folder was sent")
    return None


if __name__ == "__main__":
    HARNESS.main()
