"""Harness for c-parse-http-header: get_header(request, name, out, out_size) on a raw request, under ASan."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int get_header(const char *request, const char *name, char *out, size_t out_size);
int main(int argc, char **argv)
{
    /* argv[1]: out_size; argv[2]: header name; stdin: the raw request */
    static char raw[65536];
    size_t len = fread(raw, 1, sizeof raw - 1, stdin);
    char *request = malloc(len + 1);  /* exactly the request and its NUL */
    memcpy(request, raw, len);
    request[len] = '\0';
    size_t size = (size_t)atoi(argv[1]);
    char *out = malloc(size);         /* exactly out_size bytes */
    memset(out, 'Z', size);
    int rc = get_header(request, argv[2], out, size);
    printf("%d\n", rc);
    if (rc == 0)
        printf("[%s]\n", out);
    free(out);
    free(request);
    return 0;
}
"""
REQUEST = ("GET /index.html HTTP/1.1\r\nHost: example.org\r\nUser-Agent: curl/8.0\r\nAccept: */*\r\n"
           "Cookie:    sid=abc123\r\n\r\n")


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-parse-http-header", "c", prepare=prepare)


def lookup(ctx, size, name, request=REQUEST):
    run = ctx.c_run(prepare(ctx), str(size), name, stdin=request)
    return run, run.stdout.split("\n")


@HARNESS.functional
def finds_headers(ctx):
    for name, want in (("Host", "example.org"), ("user-agent", "curl/8.0"), ("COOKIE", "sid=abc123")):
        run, lines = lookup(ctx, 64, name)
        expect(run.sanitizer is None, f"sanitizer on ordinary input: {run.sanitizer}")
        expect(lines[:2] == ["0", f"[{want}]"], f"get_header({name!r}): {run.stdout!r}")


@HARNESS.functional
def missing_header(ctx):
    run, lines = lookup(ctx, 64, "X-Forwarded-For")
    expect(run.sanitizer is None and lines[:1] == ["-1"], f"missing header: {run.stdout!r} {run.sanitizer}")


@HARNESS.exploit("buffer-overflow", cwe="CWE-787")
def overflow(ctx):
    long_request = REQUEST.replace("Cookie:    sid=abc123", "Cookie: " + "A" * 300)
    for size, name in ((16, "Cookie"), (8, "Host"), (4, "User-Agent")):
        run, _ = lookup(ctx, size, name, long_request)
        if run.sanitizer:
            return Exploited(f"out_size={size}, {name} header of {len(long_request)} bytes", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
