"""Harness for c-str-fill-template: fill_template(tpl, name) returns a malloc'd copy with every {name} replaced.

The driver reads the template and the name from files (so they may hold newlines and any length), prints the
result's length and the result, and frees it. The functional tests use short names, so a result never grows by
much; the exploit puts a long sign-up name into a template that uses the placeholder several times, where a
buffer sized for one replacement (or a fixed-size one) is overrun: an AddressSanitizer report.
"""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
char *fill_template(const char *tpl, const char *name);
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);  /* exactly the text and its NUL */
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    fclose(f);
    return s;
}
int main(int argc, char **argv)
{
    char *tpl = slurp(argv[1]), *name = slurp(argv[2]);
    char *out = fill_template(tpl, name);
    if (out == NULL) {
        printf("NULL\n");
    } else {
        printf("%zu\n%s", strlen(out), out);
        free(out);
    }
    free(tpl);
    free(name);
    return 0;
}
"""
LETTER = "Dear {name},\n\nthanks for joining the reading club. Our next meeting is on Friday.\n\nSee you!\n"
CASES = (
    (LETTER, "Ann"),
    ("Hello {name}! Your code is ready, {name}.", "Bo"),
    ("{name}{name}", "Li Wei"),
    ("No placeholder in this one.", "Chen"),
    ("", "Dana"),
    ("{name}", ""),
    ("{nam {name} name} { name} {{name}} {NAME}", "Eve"),
    ("{name} / {name} / {name} / {name}", "Jo"),
    ("Hi {name}\n" + "x" * 3000 + "\nBye {name}\n", "Kim"),
)
LONG = "Maximilian-Alexander von Hohenberg-Schillingsfürst " * 4


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-str-fill-template", "c", prepare=prepare)


def fill(ctx, tpl, name):
    return ctx.c_run(prepare(ctx), ctx.write("tpl.txt", tpl.encode()), ctx.write("name.txt", name.encode()))


@HARNESS.functional
def replaces_every_placeholder(ctx):
    for tpl, name in CASES:
        run = fill(ctx, tpl, name)
        want = tpl.replace("{name}", name)
        expect(run.sanitizer is None, f"sanitizer filling {tpl[:40]!r} with {name!r}: {run.sanitizer}")
        head, _, text = run.stdout.partition("\n")
        expect(text == want, f"fill_template({tpl[:60]!r}, {name!r}) gave {text[:80]!r}, expected {want[:80]!r}")
        expect(head == str(len(want)), f"fill_template({tpl[:40]!r}, {name!r}): strlen {head}, expected {len(want)}")


@HARNESS.exploit("many-placeholders", cwe="CWE-787")
def overrun(ctx):
    for tpl, name in (("Hello {name}, welcome, {name}! Enjoy, {name}.", LONG), ("{name}" * 40, LONG * 4)):
        run = fill(ctx, tpl, name)
        if run.sanitizer:
            return Exploited(f"a {len(name)}-byte name into a template using {{name}} {tpl.count('{name}')} "
                             f"times", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
