"""Harness for c-int-alloc-records: read_records(f, &count) on an uploaded file whose count field is chosen by the
user. The exploit's count makes ``count * 32`` wrap in 32 bits: an array too small for the records that follow."""

import struct

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
struct record {
    uint32_t id;
    char name[28];
};
struct record *read_records(FILE *f, uint32_t *count_out);
int main(int argc, char **argv)
{
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL)
        return 3;
    uint32_t count = 0;
    struct record *r = read_records(f, &count);
    fclose(f);
    if (r == NULL) {
        printf("NULL\n");
        return 0;
    }
    printf("%u\n", count);
    for (uint32_t i = 0; i < count && i < 8; i++)
        printf("%u %.28s\n", r[i].id, r[i].name);
    free(r);
    return 0;
}
"""


def records_file(count, records):
    body = b"".join(struct.pack("<I", rid) + name.encode().ljust(28, b"\0") for rid, name in records)
    return struct.pack("<I", count) + body


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-int-alloc-records", "c", prepare=prepare)
RECORDS = [(1, "ann"), (2, "bo"), (3, "cy")]


def load(ctx, data):
    path = ctx.write("upload.bin", data)
    run = ctx.c_run(prepare(ctx), path)
    return run, run.stdout.split("\n")


@HARNESS.functional
def reads(ctx):
    run, lines = load(ctx, records_file(3, RECORDS))
    expect(run.sanitizer is None, f"sanitizer on an ordinary file: {run.sanitizer}")
    expect(lines[:4] == ["3", "1 ann", "2 bo", "3 cy"], f"read_records: {run.stdout!r}")


@HARNESS.functional
def refuses_short_files(ctx):
    for data in (records_file(5, RECORDS), b"\x01\x00", b""):
        run, lines = load(ctx, data)
        expect(run.sanitizer is None and lines[:1] == ["NULL"], f"short file {data[:8]!r}: {run.stdout!r}")


@HARNESS.exploit("size-overflow", cwe="CWE-190")
def wraps(ctx):
    for count in (0x08000001, 0x08000003, 0x10000002):
        run, _ = load(ctx, records_file(count, RECORDS * 2))
        if run.sanitizer:
            return Exploited(f"count={count:#x} followed by 6 records", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
