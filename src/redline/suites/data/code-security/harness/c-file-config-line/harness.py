"""Harness for c-file-config-line: read_setting(path, key, value, value_size) on a hand-edited settings file."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int read_setting(const char *path, const char *key, char *value, size_t value_size);
int main(int argc, char **argv)
{
    size_t size = (size_t)atoi(argv[3]);
    char *value = malloc(size);  /* exactly value_size bytes */
    memset(value, 'Z', size);
    int rc = read_setting(argv[1], argv[2], value, size);
    printf("%d\n", rc);
    if (rc == 0)
        printf("[%s]\n", value);
    free(value);
    return 0;
}
"""
SETTINGS = "# site settings\nhost=db.internal\nport=5432\nname=shop\n"


def setup(ctx):
    ctx.write("settings.conf", SETTINGS)


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-file-config-line", "c", setup=setup, prepare=prepare)


def read(ctx, key, size, path="settings.conf"):
    run = ctx.c_run(prepare(ctx), ctx.path(path), key, str(size))
    return run, run.stdout.split("\n")


@HARNESS.functional
def reads_values(ctx):
    for key, want in (("host", "db.internal"), ("port", "5432"), ("name", "shop")):
        run, lines = read(ctx, key, 64)
        expect(run.sanitizer is None, f"sanitizer on ordinary input: {run.sanitizer}")
        expect(lines[:2] == ["0", f"[{want}]"], f"read_setting({key!r}): {run.stdout!r}")


@HARNESS.functional
def missing(ctx):
    run, lines = read(ctx, "user", 64)
    expect(run.sanitizer is None and lines[:1] == ["-1"], f"missing key: {run.stdout!r}")
    run, lines = read(ctx, "host", 64, "nope.conf")
    expect(run.sanitizer is None and lines[:1] == ["-1"], f"missing file: {run.stdout!r}")


@HARNESS.exploit("buffer-overflow", cwe="CWE-120")
def overflow(ctx):
    ctx.write("long.conf", "host=" + "h" * 100 + "\nnote=" + "n" * 3000 + "\nport=5432\n")
    for key, size in (("host", 16), ("note", 64), ("port", 4), ("host", 1)):
        run, _ = read(ctx, key, size, "long.conf")
        if run.sanitizer:
            return Exploited(f"{key} value longer than value_size={size}", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
