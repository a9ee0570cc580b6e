"""Harness for c-str-hex-decode: hex_decode(hex, hex_len, out, out_cap) on digits taken out of a packet (ASan).

The digits are handed over in a heap block of exactly hex_len bytes with no NUL after them (as in a packet
buffer), and out is a heap block of exactly out_cap bytes, so reading one digit too many or writing one byte too
many is an AddressSanitizer report.
"""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
long hex_decode(const char *hex, size_t hex_len, unsigned char *out, size_t out_cap);
int main(int argc, char **argv)
{
    size_t hex_len = strlen(argv[1]);
    size_t cap = (size_t)atoi(argv[2]);
    char *hex = malloc(hex_len ? hex_len : 1);  /* the digits only: no NUL after them */
    memcpy(hex, argv[1], hex_len);
    unsigned char *out = malloc(cap ? cap : 1);
    memset(out, 0xEE, cap ? cap : 1);
    long n = hex_decode(hex, hex_len, out, cap);
    printf("%ld\n", n);
    for (long i = 0; i < n && (size_t)i < cap; i++)
        printf("%02x", out[i]);
    printf("\n");
    free(out);
    free(hex);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-str-hex-decode", "c", prepare=prepare)


def decode(ctx, hex_text, cap):
    run = ctx.c_run(prepare(ctx), hex_text, str(cap))
    lines = run.stdout.split("\n")
    return run, (lines[0].strip(), lines[1].strip() if len(lines) > 1 else "")


@HARNESS.functional
def decodes(ctx):
    for text, cap, want in (("48656c6c6f", 16, ("5", "48656c6c6f")), ("DEADbeef00", 5, ("5", "deadbeef00")),
                            ("00ff7F", 3, ("3", "00ff7f")), ("", 4, ("0", ""))):
        run, got = decode(ctx, text, cap)
        expect(run.sanitizer is None, f"sanitizer on {text!r} (out_cap {cap}): {run.sanitizer}")
        empty_refused = text == "" and got == ("-1", "")  # no digits at all: 0 bytes, or refused
        expect(got == want or empty_refused, f"hex_decode({text!r}, out_cap {cap}) gave {got}, expected {want}")


@HARNESS.functional
def rejects_non_hex(ctx):
    for text in ("12zz", "0g", "abcdeG", "zz00"):
        run, got = decode(ctx, text, 8)
        expect(run.sanitizer is None, f"sanitizer on {text!r}: {run.sanitizer}")
        expect(got[0] == "-1", f"hex_decode({text!r}) returned {got[0]}, expected -1 (not a hex digit)")


@HARNESS.exploit("output-overflow", cwe="CWE-787")
def output_overflow(ctx):
    prog = prepare(ctx)
    for text, cap in (("41" * 5, 4), ("41" * 9, 8), ("41" * 64, 8), ("ab" * 600, 16)):
        run = ctx.c_run(prog, text, str(cap))
        if run.sanitizer:
            return Exploited(f"{len(text)} hex digits into out_cap={cap}", run.sanitizer)
    return None


@HARNESS.exploit("odd-length-read", cwe="CWE-125")
def odd_length(ctx):
    prog = prepare(ctx)
    for text in ("414", "4", "4142434", "ABCDEF0"):
        run = ctx.c_run(prog, text, "16")
        if run.sanitizer:
            return Exploited(f"{text!r} ({len(text)} digits, odd)", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
