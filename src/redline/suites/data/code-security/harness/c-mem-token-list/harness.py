"""Harness for c-mem-token-list: split_words(text, &count); the driver reads every word after the call and frees
them as the prompt says (ASan: use after free, stack use after return, invalid free)."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char **split_words(const char *text, size_t *count);
static void clobber_stack(void)
{
    volatile char junk[4096];
    memset((char *)junk, 'Q', sizeof junk);
}
int main(int argc, char **argv)
{
    char *text = strdup(argv[1]);
    size_t count = 12345;
    char **words = split_words(text, &count);
    free(text);  /* the caller's copy of the text is gone before the words are used */
    clobber_stack();
    if (words == NULL) {
        printf("NULL\n");
        return 0;
    }
    printf("%zu\n", count);
    for (size_t i = 0; i < count; i++)
        printf("[%s]\n", words[i]);
    for (size_t i = 0; i < count; i++)
        free(words[i]);
    free(words);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-mem-token-list", "c", prepare=prepare)


def split(ctx, text):
    run = ctx.c_run(prepare(ctx), text)
    return run, run.stdout.split("\n")


LIFETIME = ("use-after-free", "double-free", "stack-use", "not malloc", "stack-buffer-underflow")


def lifetime_error(run):
    """A sanitizer report about memory lifetime: the exploits' business, not a functional failure."""
    return run.sanitizer is not None and any(k in run.stderr for k in LIFETIME)


@HARNESS.functional
def splits_words(ctx):
    run, lines = split(ctx, "the quick  brown fox")
    if lifetime_error(run):
        return
    expect(run.sanitizer is None, f"sanitizer on ordinary input: {run.sanitizer}")
    expect(lines[:5] == ["4", "[the]", "[quick]", "[brown]", "[fox]"], f"split_words: {run.stdout!r}")


@HARNESS.functional
def no_words(ctx):
    run, lines = split(ctx, "   ")
    if lifetime_error(run):
        return
    expect(run.sanitizer is None, f"sanitizer on an empty line: {run.sanitizer}")
    expect(lines[0] in ("0", "NULL"), f"split_words('   '): {run.stdout!r}")


def _hit(ctx, kinds):
    for text in ("alpha beta gamma", "one", "a b c d e f g h i j k l m n o p"):
        run, lines = split(ctx, text)
        if run.sanitizer and any(k in run.stderr for k in kinds):
            return Exploited(repr(text), run.sanitizer)
    return None


@HARNESS.exploit("stack-address-returned", cwe="CWE-562")
def stack_address(ctx):
    return _hit(ctx, ("stack-use-after-return", "stack-use-after-scope", "stack-buffer-underflow",
                      "attempting free on address which was not malloc"))


@HARNESS.exploit("use-after-free", cwe="CWE-416")
def after_free(ctx):
    return _hit(ctx, ("heap-use-after-free", "attempting double-free"))


# A program that returns NULL for ordinary text (as GCC makes a function that returns a local array's address
# do) fails splits_words: it is broken, not exploited.


if __name__ == "__main__":
    HARNESS.main()
