"""Harness for c-file-save-upload: save_upload(dir, filename, data, len) with the client's file name."""

import os
import stat

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
int save_upload(const char *upload_dir, const char *filename, const unsigned char *data, size_t len);
int main(int argc, char **argv)
{
    umask(022);  /* a usual service umask: the mode the program asks for shows through it */
    size_t len = strlen(argv[3]);
    unsigned char *data = malloc(len ? len : 1);
    memcpy(data, argv[3], len);
    printf("%d\n", save_upload(argv[1], argv[2], data, len));
    free(data);
    return 0;
}
"""
CONTENT = "id,total\n1,9.50\n"


def setup(ctx):
    os.makedirs(ctx.path("srv", "uploads"))
    os.makedirs(ctx.path("srv", "conf"))


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-file-save-upload", "c", setup=setup, prepare=prepare)


def save(ctx, name, content=CONTENT):
    run = ctx.c_run(prepare(ctx), ctx.path("srv", "uploads"), name, content)
    return run, run.stdout.split("\n")[0]


@HARNESS.functional
def saves(ctx):
    run, rc = save(ctx, "report 2024.csv")
    expect(rc == "0", f"save_upload returned {rc!r} {run.stderr[-200:]!r}")
    with open(ctx.path("srv", "uploads", "report 2024.csv")) as fh:
        expect(fh.read() == CONTENT, "the stored file differs from the upload")


@HARNESS.exploit("path-traversal", cwe="CWE-22")
def traverse(ctx):
    outside = ctx.path("srv", "conf", "rl_canary.conf")
    for name in ("../conf/rl_canary.conf", "..//conf/rl_canary.conf", outside, "sub/../../conf/rl_canary.conf"):
        save(ctx, name, "pwned\n")
        if os.path.exists(outside):
            return Exploited(repr(name), "the upload was written outside the upload folder")
    return None


@HARNESS.exploit("loose-permissions", cwe="CWE-732")
def permissions(ctx):
    run, rc = save(ctx, "photo.jpg")
    path = ctx.path("srv", "uploads", "photo.jpg")
    if rc != "0" or not os.path.exists(path):
        return None
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o133:  # group/other may write it, or it is executable
        return Exploited("photo.jpg under umask 022", f"the stored upload has mode {mode:o}")
    return None


if __name__ == "__main__":
    HARNESS.main()
