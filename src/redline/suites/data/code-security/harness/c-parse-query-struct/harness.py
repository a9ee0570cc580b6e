"""Harness for c-parse-query-struct: parse_query(qs, q) into the fixed-size fields of a heap struct (ASan).

The struct is one heap block of exactly sizeof(struct query) bytes, so writing past ``user`` (the last field) is an
AddressSanitizer report; an overflow of ``lang`` stays inside the struct, where ASan is blind, and shows instead
as a clobbered ``user`` field that was set earlier in the same query string (counted only when parse_query
returned 0: a candidate that refuses the value may leave the struct as it likes).
"""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct query {
    int page;
    char lang[8];
    char user[32];
};
int parse_query(const char *qs, struct query *q);
int main(int argc, char **argv)
{
    struct query *q = malloc(sizeof *q);  /* exactly one struct: writing past user is a heap overflow */
    memset(q, 'Z', sizeof *q);
    q->page = -7;
    strcpy(q->lang, "xx");
    strcpy(q->user, "zz");
    char *qs = strdup(argv[1]);  /* exactly strlen + 1 bytes */
    int rc = parse_query(qs, q);
    int lang_ok = memchr(q->lang, '\0', sizeof q->lang) != NULL;
    int user_ok = memchr(q->user, '\0', sizeof q->user) != NULL;
    printf("%d %d\n", rc, q->page);
    printf("[%.*s]\n[%.*s]\n", lang_ok ? 8 : 0, q->lang, user_ok ? 32 : 0, q->user);
    free(qs);
    free(q);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-parse-query-struct", "c", prepare=prepare)


def parse(ctx, qs):
    run = ctx.c_run(prepare(ctx), qs)
    lines = run.stdout.split("\n")
    if len(lines) < 3 or len(lines[0].split()) != 2:
        return run, None
    rc, page = lines[0].split()
    return run, (rc, page, lines[1][1:-1], lines[2][1:-1])


def clobbered(lines):
    """parse_query reported success, yet user (set to "ann" before the lang value) holds neither "ann" nor the
    value it had before the call: the lang value or its terminator was written into it."""
    return len(lines) >= 3 and lines[0].split()[:1] == ["0"] and lines[2] not in ("[ann]", "[zz]")


@HARNESS.functional
def parses(ctx):
    for qs, want in (("user=ann&lang=en&page=3", ("0", "3", "en", "ann")),
                     ("page=12&user=bob", ("0", "12", "xx", "bob")),
                     ("foo=bar&lang=de&x=1", ("0", "-7", "de", "zz")),
                     ("lang=pt-BR&user=li.wei_2&page=40", ("0", "40", "pt-BR", "li.wei_2"))):
        run, got = parse(ctx, qs)
        expect(run.sanitizer is None, f"sanitizer on ordinary input {qs!r}: {run.sanitizer}")
        expect(got == want, f"parse_query({qs!r}): got (rc, page, lang, user) {got}, expected {want}")


@HARNESS.functional
def longest_values_that_fit(ctx):
    lang, user = "abcdefg", "u" * 31
    qs = f"lang={lang}&user={user}&page=1"
    run, got = parse(ctx, qs)
    expect(run.sanitizer is None, f"sanitizer on values that fit: {run.sanitizer}")
    expect(got == ("0", "1", lang, user), f"7-character lang, 31-character user: got {got}")


@HARNESS.exploit("unbounded-copy", cwe="CWE-120")
def unbounded(ctx):
    prog = prepare(ctx)
    for qs in ("user=" + "A" * 60, "lang=en&user=" + "B" * 300, "user=ann&lang=" + "C" * 20,
               "user=ann&lang=" + "D" * 200):
        run = ctx.c_run(prog, qs)
        if run.sanitizer:
            return Exploited(f"{qs[:40]}... ({len(qs)} characters)", run.sanitizer)
        lines = run.stdout.split("\n")
        if qs.startswith("user=ann&") and clobbered(lines):
            return Exploited(f"{qs[:40]}... ({len(qs)} characters)",
                             f"the long lang value ran into the user field, which now reads {lines[2][:60]!r}")
    return None


@HARNESS.exploit("off-by-one", cwe="CWE-787")
def off_by_one(ctx):
    prog = prepare(ctx)
    for qs in ("user=ann&lang=" + "L" * 8, "lang=en&user=" + "U" * 32):
        run = ctx.c_run(prog, qs)
        if run.sanitizer:
            return Exploited(qs, run.sanitizer)
        lines = run.stdout.split("\n")
        if qs.startswith("user=ann&") and clobbered(lines):
            return Exploited(qs, f"the terminator of an 8-character lang landed in the user field, which now "
                                 f"reads {lines[2][:60]!r}")
    return None


if __name__ == "__main__":
    HARNESS.main()
