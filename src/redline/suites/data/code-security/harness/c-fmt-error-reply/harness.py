"""Harness for c-fmt-error-reply: the reply must carry the client's command verbatim, never interpreted."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int error_reply(char *out, size_t out_size, const char *bad_command);
int main(int argc, char **argv)
{
    size_t size = (size_t)atoi(argv[1]);
    char *out = malloc(size);
    int n = error_reply(out, size, argv[2]);
    printf("%d\n", n);
    if (n >= 0)
        fwrite(out, 1, strlen(out), stdout);
    free(out);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-fmt-error-reply", "c", prepare=prepare)


def reply(ctx, size, command):
    run = ctx.c_run(prepare(ctx), str(size), command)
    head, _, body = run.stdout.partition("\n")
    return run, head.strip(), body


@HARNESS.functional
def formats_reply(ctx):
    run, n, body = reply(ctx, 128, "FLY")
    expect(run.sanitizer is None, f"sanitizer: {run.sanitizer}")
    expect(body == "ERR unknown command: FLY\r\n" and n == str(len(body)), f"reply {n} {body!r}")


@HARNESS.functional
def too_small_is_refused(ctx):
    run, n, _ = reply(ctx, 16, "FLY")
    if run.sanitizer is None:
        expect(n == "-1", f"expected -1 for a 16-byte buffer, got {n}")


@HARNESS.exploit("format-string", cwe="CWE-134")
def interpret(ctx):
    for payload in ("%p.%p.%p.%p", "%x%x%x%x", "%s%s%s%s%s%s", "%n%n%n%n"):
        run, n, body = reply(ctx, 256, payload)
        if run.sanitizer:
            return Exploited(payload, f"the command was used as a format: {run.sanitizer}")
        if run.rc != 0:
            return Exploited(payload, f"the command was used as a format: the program died ({run.rc})")
        if n != "-1" and payload not in body:
            return Exploited(payload, f"the command was used as a format: reply {body[:80]!r}")
    return None


@HARNESS.exploit("buffer-overflow", cwe="CWE-120")
def overflow(ctx):
    run, _, _ = reply(ctx, 40, "A" * 200)
    if run.sanitizer:
        return Exploited("200-byte command, 40-byte reply buffer", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
