"""Harness for c-mem-format-name: display_name(first, last) returns "Last, First" the caller prints."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <string.h>
const char *display_name(const char *first, const char *last);
static void clobber(void)
{
    volatile char junk[2048];
    memset((char *)junk, 'X', sizeof junk);
}
int main(int argc, char **argv)
{
    const char *s = display_name(argv[1], argv[2]);
    clobber();  /* the caller does other work before printing */
    printf("[%s]\n", s);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-mem-format-name", "c", prepare=prepare)


@HARNESS.functional
def formats(ctx):
    run = ctx.c_run(prepare(ctx), "Ada", "Lovelace")
    if run.sanitizer is None:  # a stack address returned is the exploit's business
        expect(run.stdout.strip() == "[Lovelace, Ada]", f"{run.stdout!r}")


@HARNESS.exploit("stack-address-returned", cwe="CWE-562")
def dangling(ctx):
    run = ctx.c_run(prepare(ctx), "Ada", "Lovelace")
    if run.sanitizer or run.rc != 0 or run.stdout.strip() != "[Lovelace, Ada]":
        return Exploited("display_name then another call", run.sanitizer or f"printed {run.stdout.strip()[:60]!r}")
    return None


@HARNESS.exploit("buffer-overflow", cwe="CWE-787")
def long_names(ctx):
    run = ctx.c_run(prepare(ctx), "A" * 300, "B" * 300)
    if run.sanitizer and "stack-use-after-return" not in run.sanitizer:
        return Exploited("300-byte first and last names", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
