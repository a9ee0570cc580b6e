"""Harness for c-fmt-log-message: log_event(log, user, message) must write the client's text verbatim."""

import re

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
void log_event(FILE *log, const char *user, const char *message);
int main(int argc, char **argv)
{
    FILE *log = fopen("audit.log", "w");
    if (log == NULL)
        return 3;
    char *user = strdup(argv[1]);
    char *message = strdup(argv[2]);
    log_event(log, user, message);
    fclose(log);
    free(user);
    free(message);
    return 0;
}
"""
STAMP = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]00(:?00)?| UTC)?"


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-fmt-log-message", "c", prepare=prepare)


def log_line(ctx, user, message):
    run = ctx.c_run(prepare(ctx), user, message)
    try:
        with open(ctx.path("audit.log"), encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        text = ""
    return run, text


@HARNESS.functional
def writes_one_line(ctx):
    run, text = log_line(ctx, "ann", "changed the e-mail address")
    expect(run.sanitizer is None and run.rc == 0, f"log_event failed: rc {run.rc} {run.sanitizer}")
    expect(re.fullmatch(STAMP + r" ann: changed the e-mail address\n", text) is not None,
           f"expected '<ISO 8601 UTC time> ann: changed the e-mail address', got {text!r}")


@HARNESS.exploit("format-string", cwe="CWE-134")
def interpreted(ctx):
    for user, message in (("ann", "%p.%p.%p.%p %x%%"), ("%p%p%p%p", "hello"), ("ann", "%s%s%s%s%s%s%s%s"),
                          ("ann", "%n%n%n%n")):
        run, text = log_line(ctx, user, message)
        if run.sanitizer or run.rc != 0:
            return Exploited(f"user={user!r} message={message!r}", run.sanitizer or f"crashed (exit {run.rc})")
        if f"{user}: {message}" not in text:
            return Exploited(f"user={user!r} message={message!r}",
                             f"the client's text was read as a format: logged {text.strip()[:120]!r}")
    return None


if __name__ == "__main__":
    HARNESS.main()
