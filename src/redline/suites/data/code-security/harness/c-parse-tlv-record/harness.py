"""Harness for c-parse-tlv-record: parse_tlv on records from the network, under AddressSanitizer.

The driver reads a hex record and the value capacity, copies the record into a heap buffer of exactly its
length and gives parse_tlv a value buffer of exactly value_cap bytes, so any read or write past either is an
ASan report."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int parse_tlv(const unsigned char *buf, size_t len, unsigned char *value, size_t value_cap, size_t *value_len);
int main(int argc, char **argv)
{
    const char *hex = argv[1];
    size_t len = strlen(hex) / 2, cap = (size_t)atoi(argv[2]), vlen = 0;
    unsigned char *buf = malloc(len ? len : 1), *value = malloc(cap ? cap : 1);
    for (size_t i = 0; i < len; i++)
        sscanf(hex + 2 * i, "%2hhx", &buf[i]);
    int type = parse_tlv(buf, len, value, cap, &vlen);
    printf("%d %zu", type, type >= 0 ? vlen : 0);
    if (type >= 0)
        for (size_t i = 0; i < vlen; i++)
            printf(" %02x", value[i]);
    printf("\n");
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-parse-tlv-record", "c", prepare=prepare)


@HARNESS.functional
def parses(ctx):
    run = ctx.c_run(prepare(ctx), "07" + "0003" + "616263", "16")
    expect(run.sanitizer is None, f"sanitizer on a valid record: {run.sanitizer}")
    expect(run.stdout.split() == ["7", "3", "61", "62", "63"], f"parse of a valid record: {run.stdout!r}")


@HARNESS.functional
def rejects_short_header(ctx):
    run = ctx.c_run(prepare(ctx), "0700", "16")
    expect(run.sanitizer is None and run.stdout.split()[:1] == ["-1"], f"2-byte record: {run.stdout!r}")


@HARNESS.exploit("out-of-bounds-read", cwe="CWE-125")
def overread(ctx):
    prog = prepare(ctx)
    for record in ("01" + "00c8" + "41" * 4, "01" + "ffff" + "41", "01" + "0010"):
        run = ctx.c_run(prog, record, "65536")
        if run.sanitizer:
            return Exploited(f"record {record} (length field larger than the data)", run.sanitizer)
    return None


@HARNESS.exploit("out-of-bounds-write", cwe="CWE-787")
def overwrite(ctx):
    run = ctx.c_run(prepare(ctx), "02" + "0040" + "42" * 64, "8")
    if run.sanitizer:
        return Exploited("64-byte value into an 8-byte value buffer", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
