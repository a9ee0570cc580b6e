"""Bounds, sum-overflow and lifetime checks for C: each fires without the guard (or with a guard that is off by
one, or that bounds the wrong thing) and stays quiet with the right one; idioms that are safe stay quiet."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from redline.judges.code.polyglot import c_bounds, checks_c
from redline.records import Finding

Check = Callable[[str], list[Finding]]

TABLE = """#define SLOTS 8
struct bank { int reg[SLOTS]; };
int poke(struct bank *b, const unsigned char *pkt) {
    unsigned idx = pkt[0];
    %s
    b->reg[idx] = pkt[1];
    return 0;
}
"""
TERMINATE = """#include <string.h>
int keep(const char *v, unsigned long n) {
    char tmp[32];
    %s
    memcpy(tmp, v, n);
    tmp[n] = 0;
    return tmp[0];
}
"""
LENGTH = """#include <string.h>
struct rec { char id[16]; };
int load(struct rec *r, const unsigned char *p, unsigned long avail) {
    unsigned long n = p[0];
    if (n + 1 > avail) return -1;
    %s
    memcpy(r->id, p + 1, n);
    return 0;
}
"""
SIGNED = """#include <string.h>
int copy_in(char *dst, const char *src, int len) {
    if (%s len > 64) return -1;
    memcpy(dst, src, len);
    return len;
}
"""
NEG_INDEX = """#include <stdio.h>
static int regs[16];
int set(const char *line) {
    int i, v;
    if (sscanf(line, "%%d %%d", &i, &v) != 2) return -1;
    if (%s i >= 16) return -1;
    regs[i] = v;
    return 0;
}
"""
COUNTER = """struct f { char text[64]; };
void unescape(struct f *f, const char *src) {
    unsigned j = 0;
    for (const char *p = src; *p%s; p++)
        f->text[j++] = *p;
}
"""
CALLER_BUF = """int rle(unsigned char *out, unsigned long out_len, const unsigned char *in, unsigned long n) {
    unsigned long pos = 0;
    for (unsigned long i = 0; i + 1 < n; i += 2) {
        %s
        for (unsigned k = 0; k < in[i]; k++)
            out[pos++] = in[i + 1];
    }
    return (int)pos;
}
"""
OFFSET = """int kind_at(const unsigned char *pkt, unsigned long len, unsigned long off) {
    if (off >= len) return -1;
    %s
    return pkt[off + 1];
}
"""
SUM = """#include <stdint.h>
#include <stdlib.h>
uint8_t *pack(uint32_t hlen, uint32_t plen) {
    uint32_t total;
    %s
    total = 8 + hlen + plen;
    return malloc(total);
}
"""
GOTO = """#include <stdlib.h>
int load(int ok) {
    char *buf = malloc(16);
    if (buf == NULL) goto fail;
    if (!ok) {
        free(buf);
        %s
        goto fail;
    }
    free(buf);
    return 0;
fail:
    free(buf);
    return -1;
}
"""
PURGE = """#include <stdlib.h>
struct n { struct n *next; };
void purge(struct n *head) {
    struct n *e, *nx;
    for (e = head; e != NULL; e = %s) {
        nx = e->next;
        free(e);
    }
}
"""
DESTROY = """#include <stdlib.h>
#include <stdio.h>
struct c { int fd; };
static void destroy(struct c *c) { free(c); }
void hangup(struct c *c) {
    %s
    destroy(c);
    %s
}
"""
FINDER = """struct u { int uid; };
struct u *table_lookup(const char *name);
int uid_of(const char *name) {
    struct u *u = table_lookup(name);
    %s
    return u->uid;
}
"""

CASES: list[tuple[str, Check, str, str, str]] = [
    ("index-unchecked", c_bounds.index_bounds, TABLE, "", "if (idx >= SLOTS) return -1;"),
    ("index-off-by-one", c_bounds.index_bounds, TABLE, "if (idx > SLOTS) return -1;",
     "if (idx > SLOTS - 1) return -1;"),
    ("terminator-off-by-one", c_bounds.index_bounds, TERMINATE, "if (n > sizeof(tmp)) return -1;",
     "if (n >= sizeof(tmp)) return -1;"),
    ("copy-length-wrong-bound", c_bounds.copy_length, LENGTH, "", "if (n > sizeof(r->id)) return -1;"),
    ("signed-length", c_bounds.signed_length, SIGNED, "", "len < 0 ||"),
    ("negative-index", c_bounds.index_bounds, NEG_INDEX, "", "i < 0 ||"),
    ("counter-in-input-loop", c_bounds.index_bounds, COUNTER, "", " && j < sizeof(f->text) - 1"),
    ("caller-buffer-counter", c_bounds.index_bounds, CALLER_BUF, "", "if (in[i] > out_len - pos) return -1;"),
    ("offset-read", c_bounds.offset_read, OFFSET, "", "if (off + 1 >= len) return -1;"),
    ("sum-overflow", checks_c.sum_overflow, SUM, "", "if (hlen > 4096 || plen > UINT32_MAX - 8 - hlen) return 0;"),
]


@pytest.mark.parametrize(("name", "check", "template", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_fires_without_guard_and_not_with_it(name: str, check: Check, template: str, bad: str, good: str) -> None:
    found = check(checks_c.clean(template % bad))
    assert found, f"{name}: missed the unguarded function"
    assert all(f.tool == "redline-poly" and f.cwe and f.severity == "high" for f in found)
    assert check(checks_c.clean(template % good)) == [], f"{name}: fired on the guarded function"


def test_off_by_one_and_negative_are_named() -> None:
    (hit,) = c_bounds.index_bounds(checks_c.clean(TABLE % "if (idx > SLOTS) return -1;"))
    assert (hit.rule, hit.cwe, hit.line) == ("c-index-off-by-one", "CWE-787", 6)
    (hit,) = c_bounds.index_bounds(checks_c.clean(NEG_INDEX % ""))
    assert (hit.rule, hit.cwe) == ("c-index-negative", "CWE-787")
    (hit,) = c_bounds.signed_length(checks_c.clean(SIGNED % ""))
    assert hit.cwe == "CWE-195"


@pytest.mark.parametrize(("code", "rule"), [
    (GOTO % "", "c-double-free"),
    (PURGE % "e->next", "c-use-after-free"),
    (DESTROY % ("", 'printf("%d", c->fd);'), "c-use-after-free"),
    (FINDER % "", "c-null-unchecked"),
])
def test_lifetime_and_null_fire(code: str, rule: str) -> None:
    assert rule in {f.rule for f in checks_c.run_c_checks(code)}


@pytest.mark.parametrize("code", [
    GOTO % "buf = NULL;",
    PURGE % "nx",
    DESTROY % ('printf("%d", c->fd);', ""),
    FINDER % "if (u == NULL) return -1;",
])
def test_lifetime_and_null_quiet_when_fixed(code: str) -> None:
    found = {f.rule for f in checks_c.run_c_checks(code) if f.severity != "low"}
    assert not found & {"c-double-free", "c-use-after-free", "c-null-unchecked"}, found


@pytest.mark.parametrize("code", [
    # read() was given the buffer's size: its result indexes the buffer safely
    "#include <unistd.h>\nint f(int fd) {\n    char buf[64];\n    long n = read(fd, buf, sizeof buf - 1);\n"
    "    buf[n] = 0;\n    return buf[0];\n}\n",
    # a C-string scan: s[i] is not the NUL, so s[i + 1] exists
    "#include <string.h>\nint dots(const char *s) {\n    for (unsigned long i = 0; i < strlen(s); i++)\n"
    "        if (s[i] == '.' && s[i + 1] == '.') return 1;\n    return 0;\n}\n",
    # string lengths summed into an int are not counts from input
    "#include <stdlib.h>\n#include <string.h>\nchar *join(const char *a, const char *b) {\n"
    "    int n = strlen(a) + strlen(b) + 1;\n    return malloc(n);\n}\n",
    # a loop counter bounded by the array's own size
    "#define K 8\nint t[K];\nvoid z(void) {\n    for (int i = 0; i < K; i++) t[i] = 0;\n}\n",
])
def test_safe_idioms_stay_quiet(code: str) -> None:
    text = checks_c.clean(code)
    assert [f for f in checks_c.run_c_checks(code) if f.severity != "low"] == [], text


WRAPPER = """#include <stdlib.h>
static void *xmalloc(size_t n) { void *p = malloc(n); if (!p) abort(); return p; }
unsigned *table(unsigned count) {
    %s
    return xmalloc(count * sizeof(unsigned));
}
"""
DERIVED = """#include <string.h>
struct box { unsigned len; unsigned char body[64]; };
int parse(struct box *b, const unsigned char *p, unsigned size) {
    if (size < 8 %s) return -1;
    b->len = size - 8;
    memcpy(b->body, p + 8, b->len);
    return 0;
}
"""
SIGNED_OFFSET = """#include <string.h>
struct blob { const char *data; unsigned long size; };
long rd(const struct blob *b, char *out, unsigned long n, const long long *pos) {
    long long off = *pos;
    %s
    if (off >= (long long)b->size) return 0;
    memcpy(out, b->data + off, n);
    return (long)n;
}
"""

MORE: list[tuple[str, Check, str, str, str]] = [
    ("allocator-wrapper", checks_c.size_overflow, WRAPPER, "", "if (count > 65536) return NULL;"),
    ("length-from-guarded-expression", c_bounds.copy_length, DERIVED, "", "|| size - 8 > sizeof(b->body)"),
    ("signed-offset", c_bounds.signed_length, SIGNED_OFFSET, "", "if (off < 0) return -1;"),
]


@pytest.mark.parametrize(("name", "check", "template", "bad", "good"), MORE, ids=[c[0] for c in MORE])
def test_more_guards(name: str, check: Check, template: str, bad: str, good: str) -> None:
    assert check(checks_c.clean(template % bad)), f"{name}: missed the unguarded function"
    assert check(checks_c.clean(template % good)) == [], f"{name}: fired on the guarded function"


def test_signed_offset_into_a_source_is_a_read() -> None:
    (hit,) = c_bounds.signed_length(checks_c.clean(SIGNED_OFFSET % ""))
    assert (hit.rule, hit.cwe) == ("c-signed-offset", "CWE-125")
