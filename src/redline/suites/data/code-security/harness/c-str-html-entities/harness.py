"""Harness for c-str-html-entities: html_encode(text) returns a malloc'd, entity-encoded copy (under ASan)."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char *html_encode(const char *text);
int main(void)
{
    static char raw[65536];
    size_t len = fread(raw, 1, sizeof raw - 1, stdin);
    char *text = malloc(len + 1);
    memcpy(text, raw, len);
    text[len] = '\0';
    char *html = html_encode(text);
    if (html == NULL) {
        printf("NULL\n");
    } else {
        printf("[%s]\n", html);
        free(html);
    }
    free(text);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-str-html-entities", "c", prepare=prepare)


@HARNESS.functional
def encodes(ctx):
    prog = prepare(ctx)
    for text, want in (("a<b & \"c\" 'd'>", "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"), ("plain text", "plain text"),
                       ("", "")):
        run = ctx.c_run(prog, stdin=text)
        expect(run.sanitizer is None, f"sanitizer on ordinary input: {run.sanitizer}")
        expect(run.stdout == f"[{want}]\n", f"html_encode({text!r}): {run.stdout!r}")


@HARNESS.exploit("buffer-overflow", cwe="CWE-787")
def overflow(ctx):
    prog = prepare(ctx)
    for text in ('"' * 64, "'" * 64, "&" * 64, "<>" * 64, "x" + '"' * 7):
        run = ctx.c_run(prog, stdin=text)
        if run.sanitizer:
            return Exploited(repr(text[:20]) + f" ({len(text)} characters)", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
