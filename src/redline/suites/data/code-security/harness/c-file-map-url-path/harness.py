"""Harness for c-file-map-url-path: map_url_path(root, url_path, out, out_size) for a static file server.

The document root is ``site/www`` in the test's folder (passed as an absolute path with symlinks resolved);
``site/secret.txt`` and ``site/www-private/key.txt`` lie outside it. The driver prints what the candidate wrote
into out, and the harness does what the server does next: it opens that path and reads the file. out is a heap
block of exactly out_size bytes, so writing past it is an AddressSanitizer report.
"""

import os

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int map_url_path(const char *root, const char *url_path, char *out, size_t out_size);
int main(int argc, char **argv)
{
    size_t size = (size_t)atoi(argv[3]);
    char *root = strdup(argv[1]);
    char *url = strdup(argv[2]);
    char *out = malloc(size);  /* exactly out_size bytes */
    memset(out, 'Z', size);
    int rc = map_url_path(root, url, out, size);
    int terminated = memchr(out, '\0', size) != NULL;
    printf("%d\n%s\n", rc, terminated ? out : "");
    free(out);
    free(url);
    free(root);
    return 0;
}
"""
FILES = {"www/index.html": "<h1>Welcome</h1>\n", "www/docs/guide.html": "<p>Getting started</p>\n",
         "www/docs/v1.2/notes.txt": "release notes 1.2\n", "secret.txt": "RL-SECRET db_password=hunter2\n",
         "www-private/key.txt": "RL-SECRET private key material\n"}


def setup(ctx):
    for rel, text in FILES.items():
        ctx.write(f"site/{rel}", text)


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-file-map-url-path", "c", setup=setup, prepare=prepare)


def root(ctx):
    return os.path.realpath(ctx.path("site", "www"))


def mapped(ctx, url, size=4096):
    run = ctx.c_run(prepare(ctx), root(ctx), url, str(size))
    lines = run.stdout.split("\n")
    rc = lines[0].strip() if lines else ""
    path = lines[1] if len(lines) > 1 else ""
    return run, rc, path


def served(path):
    """What the server sends for out: the file's text, or None when it cannot be opened as a file."""
    full = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
    try:
        with open(full, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return None


@HARNESS.functional
def maps_files_under_root(ctx):
    for url, rel in (("/index.html", "www/index.html"), ("/docs/guide.html", "www/docs/guide.html"),
                     ("/docs/v1.2/notes.txt", "www/docs/v1.2/notes.txt")):
        run, rc, path = mapped(ctx, url)
        expect(run.sanitizer is None, f"sanitizer on {url!r}: {run.sanitizer}")
        expect(rc == "0", f"map_url_path({url!r}) returned {rc!r}, expected 0 {run.stderr[-200:]!r}")
        expect(served(path) == FILES[rel], f"map_url_path({url!r}) gave {path!r}, which does not open the file "
                                           f"site/{rel}")


@HARNESS.functional
def exact_fit(ctx):
    url = "/docs/guide.html"
    size = len(root(ctx)) + len(url) + 1  # the path and its NUL, nothing more
    run, rc, path = mapped(ctx, url, size)
    expect(run.sanitizer is None, f"sanitizer with out_size exactly strlen(path) + 1: {run.sanitizer}")
    expect(rc == "0" and served(path) == FILES["www/docs/guide.html"],
           f"out_size {size} (the path plus its NUL): returned {rc!r}, out {path!r}")


@HARNESS.exploit("path-traversal", cwe="CWE-22")
def traversal(ctx):
    prog = prepare(ctx)
    for url in ("/../secret.txt", "/docs/../../secret.txt", "/./../secret.txt", "/docs/..//../secret.txt",
                "/../www-private/key.txt", "/docs/v1.2/../../../secret.txt"):
        run = ctx.c_run(prog, root(ctx), url, "4096")
        lines = run.stdout.split("\n")
        if len(lines) > 1 and lines[0].strip() == "0":
            text = served(lines[1])
            if text is not None and "RL-SECRET" in text:
                return Exploited(url, f"mapped to {lines[1]!r}; the server sends {text.strip()!r}, from outside "
                                      "the document root")
    return None


@HARNESS.exploit("buffer-overflow", cwe="CWE-787")
def overflow(ctx):
    prog = prepare(ctx)
    base = root(ctx)
    for url, size in (("/docs/guide.html", len(base) + len("/docs/guide.html")), ("/index.html", 16),
                      ("/docs/" + "a" * 300 + ".html", 64), ("/" + "b" * 5000, 256)):
        run = ctx.c_run(prog, base, url, str(size))
        if run.sanitizer:
            return Exploited(f"{url[:40]!r} ({len(url)} characters), out_size={size}", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
