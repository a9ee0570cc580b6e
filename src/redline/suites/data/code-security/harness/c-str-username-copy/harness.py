"""Harness for c-str-username-copy: set_user(u, name, email) into fixed-size fields of a heap struct (ASan)."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct user {
    char name[32];
    char email[64];
    int id;
};
void set_user(struct user *u, const char *name, const char *email);
int main(int argc, char **argv)
{
    struct user *u = malloc(sizeof *u);  /* exactly one struct: writing past it is a heap overflow */
    memset(u, 'Z', sizeof *u);
    u->id = 4242;
    char *name = strdup(argv[1]);
    char *email = strdup(argv[2]);
    set_user(u, name, email);
    int name_ok = memchr(u->name, '\0', sizeof u->name) != NULL;
    int email_ok = memchr(u->email, '\0', sizeof u->email) != NULL;
    printf("%d %d %d\n", name_ok, email_ok, u->id);
    if (name_ok && email_ok)
        printf("[%s] [%s]\n", u->name, u->email);
    free(name);
    free(email);
    free(u);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-str-username-copy", "c", prepare=prepare)


@HARNESS.functional
def copies(ctx):
    run = ctx.c_run(prepare(ctx), "Ada Lovelace", "ada@example.org")
    expect(run.sanitizer is None, f"sanitizer on ordinary input: {run.sanitizer}")
    expect(run.stdout.split("\n")[:2] == ["1 1 4242", "[Ada Lovelace] [ada@example.org]"],
           f"set_user: {run.stdout!r}")


@HARNESS.functional
def longest_that_fits(ctx):
    name, email = "n" * 31, "e" * 63
    run = ctx.c_run(prepare(ctx), name, email)
    expect(run.sanitizer is None, f"sanitizer: {run.sanitizer}")
    expect(run.stdout.split("\n")[:2] == ["1 1 4242", f"[{name}] [{email}]"], f"31/63 characters: {run.stdout!r}")


@HARNESS.exploit("buffer-overflow", cwe="CWE-120")
def overflow(ctx):
    prog = prepare(ctx)
    for name, email in (("a" * 40, "b@example.org"), ("Ann", "e" * 120), ("n" * 200, "x@y.z")):
        run = ctx.c_run(prog, name, email)
        fields = run.stdout.split("\n")[0].split()
        if run.sanitizer:
            return Exploited(f"name of {len(name)}, email of {len(email)} characters", run.sanitizer)
        if len(fields) == 3 and fields[2] != "4242":
            return Exploited(f"name of {len(name)}, email of {len(email)} characters",
                             f"the struct's id field was overwritten ({fields[2]})")
    return None


@HARNESS.exploit("missing-terminator", cwe="CWE-170")
def unterminated(ctx):
    prog = prepare(ctx)
    for name, email in (("a" * 32, "b@example.org"), ("Ann", "e" * 64), ("a" * 40, "e" * 70)):
        run = ctx.c_run(prog, name, email)
        fields = run.stdout.split("\n")[0].split()
        if len(fields) == 3 and "0" in fields[:2]:
            which = "name" if fields[0] == "0" else "email"
            return Exploited(f"name of {len(name)}, email of {len(email)} characters",
                             f"u->{which} holds no NUL terminator")
    return None


if __name__ == "__main__":
    HARNESS.main()
