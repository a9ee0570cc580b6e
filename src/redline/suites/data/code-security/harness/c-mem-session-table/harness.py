"""Harness for c-mem-session-table: session_close(table, n, id); a client may send CLOSE twice for one id.

Functional tests make one call each (any later call would touch a slot the candidate failed to clear, which is
the exploit's evidence, not a functional failure)."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct session { int id; char *user; };
void session_close(struct session **table, size_t n, int id);
static struct session *make(int id, const char *user)
{
    struct session *s = malloc(sizeof *s);
    s->id = id;
    s->user = strdup(user);
    return s;
}
int main(int argc, char **argv)
{
    struct session *table[4] = { make(1, "ann"), NULL, make(7, "bo"), make(9, "cy") };
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "show") == 0) {
            for (int k = 0; k < 4; k++)
                if (table[k] != NULL)
                    printf("%d:%s ", table[k]->id, table[k]->user);
            printf("\n");
        } else {
            session_close(table, 4, atoi(argv[i]));
        }
    }
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-mem-session-table", "c", prepare=prepare)


@HARNESS.functional
def closes_one(ctx):
    run = ctx.c_run(prepare(ctx), "show", "7")
    expect(run.sanitizer is None and run.rc == 0, f"sanitizer: {run.sanitizer}")
    expect(run.stdout.split() == ["1:ann", "7:bo", "9:cy"], f"table before closing: {run.stdout!r}")


@HARNESS.functional
def unknown_id_is_ignored(ctx):
    run = ctx.c_run(prepare(ctx), "5", "show")
    expect(run.sanitizer is None and run.stdout.split() == ["1:ann", "7:bo", "9:cy"], f"{run.stdout!r}")


@HARNESS.exploit("repeated-close", cwe="CWE-415")
def twice(ctx):
    """A client sends CLOSE for the same id twice: freed memory must not be read or freed again."""
    run = ctx.c_run(prepare(ctx), "7", "7")
    if run.sanitizer:
        return Exploited("CLOSE 7, CLOSE 7", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
