"""Guard-aware C checks: each fires on a function without the guard and stays quiet once the guard is added."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from redline.judges.code.polyglot import checks_c
from redline.records import Finding

Check = Callable[[str], list[Finding]]

LOOKUP = """#include <stdlib.h>
#include <string.h>
size_t home_len(void) {
    char *home = getenv("HOME");
    %s
    return strlen(home);
}
"""
OWN_NULL = """#include <stdlib.h>
char *find_user(int id) {
    if (id < 0) return NULL;
    return "root";
}
int first(int id) {
    char *u = find_user(id);
    %s
    return u[0];
}
"""
PATH = """#include <stdio.h>
#include <string.h>
void show(char *name) {
    char path[256];
    %s
    snprintf(path, sizeof path, "/srv/files/%%s", name);
    FILE *f = fopen(path, "r");
    if (f) fclose(f);
}
"""
SHELL = """#include <stdlib.h>
#include <string.h>
void ping(char *host) {
    char cmd[128] = "ping -c1 ";
    %s
    strncat(cmd, host, 100);
    system(cmd);
}
"""
ALLOC = """#include <stdlib.h>
#include <stdint.h>
int *table(size_t count) {
    %s
    return malloc(count * sizeof(int));
}
"""
SUM = """#include <limits.h>
int total(const int *v, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
        %s
        sum += v[i];
    }
    return sum;
}
"""
COPY = """#include <stdlib.h>
#include <string.h>
#define NAME_MAX_LEN 32
char *keep(const char *name, size_t len) {
    %s
    char *out = malloc(NAME_MAX_LEN);
    if (out == NULL) return NULL;
    strcpy(out, name);
    return out;
}
"""
ESCAPE = """#include <stdlib.h>
#include <string.h>
char *quote(const char *s) {
    char *out = malloc(%s * strlen(s) + 1);
    size_t j = 0;
    if (out == NULL) return NULL;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '"') {
            out[j++] = '&';
            out[j++] = 'q';
            out[j++] = 'u';
        } else out[j++] = s[i];
    }
    out[j] = 0;
    return out;
}
"""
UAF = """#include <stdlib.h>
#include <stdio.h>
void report(char *msg) {
    free(msg);
    %s
    printf("%%s\\n", msg);
}
"""
INDEX = """#define SLOTS 16
int slots[SLOTS];
void put(int slot, int value) {
    int local[SLOTS];
    %s
    local[slot] = value;
    slots[0] = local[0];
}
"""
GLOBAL_READ = """int scores[10];
int get_score(int idx) {
    %s
    return scores[idx];
}
"""
PRODUCT = """#include <stdlib.h>
#include <string.h>
#include <limits.h>
char *repeat(const char *s, int times) {
    int len = strlen(s);
    %s
    int total = len * times;
    return malloc(total + 1);
}
"""

CASES: list[tuple[str, Check, str, str, str]] = [
    ("getenv", checks_c.null_unchecked, LOOKUP, "", "if (home == NULL) return 0;"),
    ("own-null", checks_c.null_unchecked, OWN_NULL, "", "if (!u) return -1;"),
    ("path", checks_c.path_unchecked, PATH, "", 'if (strstr(name, "..") || strchr(name, \'/\')) return;'),
    ("shell", checks_c.shell_unfiltered, SHELL, "", "if (strpbrk(host, \";|&$`\")) return;"),
    ("alloc", checks_c.size_overflow, ALLOC, "", "if (count > SIZE_MAX / sizeof(int)) return NULL;"),
    ("sum", checks_c.size_overflow, SUM, "", "if (v[i] > 0 && sum > INT_MAX - v[i]) break;"),
    ("copy", checks_c.copy_unbounded, COPY, "", "if (len >= NAME_MAX_LEN) return NULL;"),
    ("escape", checks_c.expansion_overflow, ESCAPE, "2", "3"),
    ("uaf", checks_c.use_after_free, UAF, "", "msg = NULL; return;"),
    ("index", checks_c.index_unchecked, INDEX, "", "if (slot < 0 || slot >= SLOTS) return;"),
    ("index-read-global", checks_c.index_unchecked, GLOBAL_READ, "", "if (idx < 0 || idx >= 10) return -1;"),
    ("alloc-product-var", checks_c.size_overflow, PRODUCT, "",
     "if (times <= 0 || len > (INT_MAX - 1) / times) return 0;"),
]


@pytest.mark.parametrize(("name", "check", "template", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_fires_without_guard_and_not_with_it(name: str, check: Check, template: str, bad: str, good: str) -> None:
    found = check(checks_c.clean(template % bad))
    assert found, f"{name}: missed the unguarded function"
    assert all(f.tool == "redline-poly" and f.cwe for f in found)
    assert check(checks_c.clean(template % good)) == [], f"{name}: fired on the guarded function"


def test_allocations_unchecked_are_low_and_lookups_high() -> None:
    code = "#include <stdlib.h>\nvoid f(void) {\n    char *p = malloc(8);\n    p[0] = 1;\n}\n"
    (hit,) = checks_c.null_unchecked(code)
    assert (hit.cwe, hit.severity, hit.line) == ("CWE-690", "low", 4)
    (hit,) = checks_c.null_unchecked(checks_c.clean(LOOKUP % ""))
    assert (hit.cwe, hit.severity) == ("CWE-476", "high")


def test_macros_are_expanded_and_comments_ignored() -> None:
    code = ("#include <stdlib.h>\n#include <string.h>\n#define RUN(c) system(c)\n"
            "void ls(char *dir) {\n    char cmd[64] = \"ls \";\n    /* if (strpbrk(dir, \";\")) return; */\n"
            "    strcat(cmd, dir);\n    RUN(cmd);\n}\n")
    (hit,) = checks_c.run_c_checks(code) and [f for f in checks_c.run_c_checks(code) if f.cwe == "CWE-78"]
    assert hit.line == 8


def test_double_free_and_guarded_copy_lines() -> None:
    code = "#include <stdlib.h>\nvoid f(char *p) {\n    free(p);\n    free(p);\n}\n"
    (hit,) = checks_c.use_after_free(code)
    assert (hit.cwe, hit.line) == ("CWE-415", 4)
    assert checks_c.guarded_copy_lines(checks_c.clean(COPY % "if (len >= NAME_MAX_LEN) return NULL;")) == {8}
    assert checks_c.guarded_copy_lines(checks_c.clean(COPY % "")) == set()
