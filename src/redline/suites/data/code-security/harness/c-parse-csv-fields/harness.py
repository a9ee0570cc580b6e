"""Harness for c-parse-csv-fields: split_csv_line(line, fields, max_fields) into a heap array of exactly
max_fields rows of 64 bytes (ASan sees a write past the last one)."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int split_csv_line(const char *line, char fields[][64], int max_fields);
int main(int argc, char **argv)
{
    int max_fields = atoi(argv[1]);
    char *line = strdup(argv[2]);
    char (*fields)[64] = malloc((size_t)max_fields * 64);  /* exactly max_fields rows */
    memset(fields, 'Z', (size_t)max_fields * 64);
    int n = split_csv_line(line, fields, max_fields);
    printf("%d\n", n);
    for (int i = 0; i < n && i < max_fields; i++)
        printf("[%.64s]\n", fields[i]);
    free(fields);
    free(line);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-parse-csv-fields", "c", prepare=prepare)


@HARNESS.functional
def splits(ctx):
    prog = prepare(ctx)
    for line, want in (("id,name,total", ["id", "name", "total"]), ("a,,c", ["a", "", "c"]), ("single", ["single"])):
        run = ctx.c_run(prog, "8", line)
        expect(run.sanitizer is None, f"sanitizer on ordinary input: {run.sanitizer}")
        lines = run.stdout.split("\n")
        expect(lines[0] == str(len(want)) and lines[1:1 + len(want)] == [f"[{w}]" for w in want],
               f"split_csv_line({line!r}): {run.stdout!r}")


@HARNESS.exploit("buffer-overflow", cwe="CWE-787")
def overflow(ctx):
    prog = prepare(ctx)
    for max_fields, line in (("2", "a,b,c,d,e,f"), ("1", "x" * 200), ("3", "a,b," + "y" * 100), ("1", "a,b")):
        run = ctx.c_run(prog, max_fields, line)
        if run.sanitizer:
            return Exploited(f"max_fields={max_fields} line={line[:40]!r} ({len(line)} characters)", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
