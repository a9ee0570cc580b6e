"""Harness for c-tmp-cache-write: write_cache(user, data) stores the user's session data in /tmp/appcache-<user>.dat.

/tmp is read-only in the sandbox and shared outside it, so the driver redirects the candidate's path calls under
/tmp into the test's folder (``tmp/``); the attacker is another local user who can create names in /tmp.
"""

import os
import stat

from hpoly import Exploited, Harness, expect

REDIRECT = r"""
/* Fixed system paths (/tmp, /etc/device) are read-only or shared outside this test: every path-taking call
   the candidate makes is redirected into the test's own folder (RL_ROOT), where the harness looks. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
static const char *rl_map(const char *p, char *buf)
{
    static const char *roots[] = {"/tmp", "/var/tmp", "/etc/device"};
    const char *home = getenv("RL_ROOT");
    if (p == NULL || home == NULL || strncmp(p, home, strlen(home)) == 0)
        return p;
    for (size_t i = 0; i < sizeof roots / sizeof *roots; i++) {
        size_t n = strlen(roots[i]);
        if (strncmp(p, roots[i], n) == 0 && (p[n] == '\0' || p[n] == '/')) {
            snprintf(buf, 4096, "%s%s", home, p);
            return buf;
        }
    }
    return p;
}
/* With RL_PLANT set, the attacker wins the race: a /tmp name opened without O_EXCL that does not exist yet is
   made a symlink to RL_PLANT first, as a local user who predicted the name would have made it. */
static void rl_plant(const char *mapped, const char *orig, int excl)
{
    const char *target = getenv("RL_PLANT");
    struct stat st;
    if (target == NULL || excl || mapped == orig || strncmp(orig, "/tmp/", 5) != 0 || lstat(mapped, &st) == 0)
        return;
    if (symlink(target, mapped) != 0) { /* the real symlink: mapped is already in the test folder */ }
}
#define RL_REAL(ret, name, ...) static ret (*real)(__VA_ARGS__); if (!real) real = (ret (*)(__VA_ARGS__))dlsym(RTLD_NEXT, name)
int open(const char *p, int flags, ...)
{
    char b[4096]; mode_t mode = 0;
    if (flags & (O_CREAT | __O_TMPFILE)) { va_list ap; va_start(ap, flags); mode = va_arg(ap, mode_t); va_end(ap); }
    RL_REAL(int, "open", const char *, int, ...);
    const char *m = rl_map(p, b);
    if (flags & O_CREAT)
        rl_plant(m, p, flags & O_EXCL);
    return real(m, flags, mode);
}
int open64(const char *p, int flags, ...)
{
    char b[4096]; mode_t mode = 0;
    if (flags & (O_CREAT | __O_TMPFILE)) { va_list ap; va_start(ap, flags); mode = va_arg(ap, mode_t); va_end(ap); }
    RL_REAL(int, "open64", const char *, int, ...);
    const char *m = rl_map(p, b);
    if (flags & O_CREAT)
        rl_plant(m, p, flags & O_EXCL);
    return real(m, flags, mode);
}
int openat(int dirfd, const char *p, int flags, ...)
{
    char b[4096]; mode_t mode = 0;
    if (flags & (O_CREAT | __O_TMPFILE)) { va_list ap; va_start(ap, flags); mode = va_arg(ap, mode_t); va_end(ap); }
    RL_REAL(int, "openat", int, const char *, int, ...);
    const char *m = rl_map(p, b);
    if (flags & O_CREAT)
        rl_plant(m, p, flags & O_EXCL);
    return real(dirfd, m, flags, mode);
}
int creat(const char *p, mode_t mode)
{
    char b[4096];
    RL_REAL(int, "creat", const char *, mode_t);
    const char *m = rl_map(p, b);
    rl_plant(m, p, 0);
    return real(m, mode);
}
static const char *rl_fopen_plant(const char *p, const char *mode, char *b)
{
    const char *m = rl_map(p, b);
    if (strpbrk(mode, "wa") != NULL)
        rl_plant(m, p, strchr(mode, 'x') != NULL);
    return m;
}
FILE *fopen(const char *p, const char *m) { char b[4096]; RL_REAL(FILE *, "fopen", const char *, const char *); return real(rl_fopen_plant(p, m, b), m); }
FILE *fopen64(const char *p, const char *m) { char b[4096]; RL_REAL(FILE *, "fopen64", const char *, const char *); return real(rl_fopen_plant(p, m, b), m); }
FILE *freopen(const char *p, const char *m, FILE *f) { char b[4096]; RL_REAL(FILE *, "freopen", const char *, const char *, FILE *); return real(rl_map(p, b), m, f); }
int stat(const char *p, struct stat *s) { char b[4096]; RL_REAL(int, "stat", const char *, struct stat *); return real(rl_map(p, b), s); }
int lstat(const char *p, struct stat *s) { char b[4096]; RL_REAL(int, "lstat", const char *, struct stat *); return real(rl_map(p, b), s); }
int access(const char *p, int m) { char b[4096]; RL_REAL(int, "access", const char *, int); return real(rl_map(p, b), m); }
int unlink(const char *p) { char b[4096]; RL_REAL(int, "unlink", const char *); return real(rl_map(p, b)); }
int remove(const char *p) { char b[4096]; RL_REAL(int, "remove", const char *); return real(rl_map(p, b)); }
int chmod(const char *p, mode_t m) { char b[4096]; RL_REAL(int, "chmod", const char *, mode_t); return real(rl_map(p, b), m); }
int mkdir(const char *p, mode_t m) { char b[4096]; RL_REAL(int, "mkdir", const char *, mode_t); return real(rl_map(p, b), m); }
int truncate(const char *p, off_t n) { char b[4096]; RL_REAL(int, "truncate", const char *, off_t); return real(rl_map(p, b), n); }
int rename(const char *a, const char *z)
{
    char b1[4096], b2[4096];
    RL_REAL(int, "rename", const char *, const char *);
    return real(rl_map(a, b1), rl_map(z, b2));
}
int link(const char *a, const char *z)
{
    char b1[4096], b2[4096];
    RL_REAL(int, "link", const char *, const char *);
    return real(rl_map(a, b1), rl_map(z, b2));
}
int symlink(const char *a, const char *z)
{
    char b2[4096];
    RL_REAL(int, "symlink", const char *, const char *);
    return real(a, rl_map(z, b2));
}
/* the mk*temp family fills in the caller's template: run it on the mapped copy and copy the name back */
static int rl_mktemp(char *t, int (*fn)(char *, void *), void *arg)
{
    char b[4096];
    const char *m = rl_map(t, b);
    if (m == t)
        return fn(t, arg);
    int rc = fn(b, arg);
    size_t n = strlen(t);
    memcpy(t, b + strlen(b) - n, n);
    return rc;
}
static int rl_mkstemps(char *t, void *arg) { RL_REAL(int, "mkstemps", char *, int); return real(t, *(int *)arg); }
static int rl_mkostemps(char *t, void *arg) { RL_REAL(int, "mkostemps", char *, int, int); return real(t, ((int *)arg)[0], ((int *)arg)[1]); }
static int rl_mkdtemp(char *t, void *arg) { RL_REAL(char *, "mkdtemp", char *); (void)arg; return real(t) ? 0 : -1; }
static int rl_mktemp1(char *t, void *arg) { RL_REAL(char *, "mktemp", char *); (void)arg; real(t); return 0; }
int mkstemp(char *t) { int a = 0; return rl_mktemp(t, rl_mkstemps, &a); }
int mkstemp64(char *t) { int a = 0; return rl_mktemp(t, rl_mkstemps, &a); }
int mkstemps(char *t, int s) { return rl_mktemp(t, rl_mkstemps, &s); }
int mkostemp(char *t, int f) { int a[2] = {0, f}; return rl_mktemp(t, rl_mkostemps, a); }
int mkostemps(char *t, int s, int f) { int a[2] = {s, f}; return rl_mktemp(t, rl_mkostemps, a); }
char *mkdtemp(char *t) { return rl_mktemp(t, rl_mkdtemp, NULL) == 0 ? t : NULL; }
char *mktemp(char *t) { rl_mktemp(t, rl_mktemp1, NULL); return t; }
"""
DRIVER = REDIRECT + r"""
int write_cache(const char *user, const char *data);
int main(int argc, char **argv)
{
    static char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return 3;
    setenv("RL_ROOT", cwd, 1);
    umask(022);  /* a usual login umask: the mode the program asks for shows through it */
    printf("%d\n", write_cache(argv[1], argv[2]));
    return 0;
}
"""
SESSION = "sid=4f1c2a9e;cart=3"


def setup(ctx):
    os.makedirs(ctx.path("tmp"))
    os.makedirs(ctx.path("home"))


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-tmp-cache-write", "c", setup=setup, prepare=prepare)


def write(ctx, user, data):
    run = ctx.c_run(prepare(ctx), user, data)
    return run, run.stdout.split("\n")[0]


def cached(ctx, user):
    with open(ctx.path("tmp", f"appcache-{user}.dat"), encoding="utf-8", errors="replace") as fh:
        return fh.read()


@HARNESS.functional
def stores_and_replaces(ctx):
    run, rc = write(ctx, "ann", "old session data that is longer")
    expect(rc == "0" and run.sanitizer is None, f"write_cache returned {rc!r} {run.sanitizer or run.stderr[-200:]!r}")
    run, rc = write(ctx, "ann", SESSION)
    expect(rc == "0", f"write_cache returned {rc!r} when replacing the older file")
    text = cached(ctx, "ann")
    expect(text in (SESSION, SESSION + "\n"), f"/tmp/appcache-ann.dat holds {text!r}, expected {SESSION!r}")


@HARNESS.exploit("symlink-follow", cwe="CWE-377")
def symlink_follow(ctx):
    victim = ctx.write("home/.profile", "export PATH=/usr/bin:/bin\n")
    os.symlink(victim, ctx.path("tmp", "appcache-ann.dat"))  # planted by another user before the program runs
    write(ctx, "ann", "rl_pwned")
    with open(victim, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    if "rl_pwned" in text or text == "":
        return Exploited("/tmp/appcache-ann.dat -> the user's ~/.profile, planted before the call",
                         f"write_cache wrote through the symlink: ~/.profile now holds {text[:80]!r}")
    return None


@HARNESS.exploit("loose-permissions", cwe="CWE-732")
def permissions(ctx):
    run, rc = write(ctx, "ann", SESSION)
    path = ctx.path("tmp", "appcache-ann.dat")
    if rc != "0" or not os.path.exists(path):
        return None
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:  # other users on the machine may read (or write) the session data in /tmp
        return Exploited("write_cache('ann', session) under umask 022",
                         f"/tmp/appcache-ann.dat has mode {mode:o}: other local users can read the session data")
    return None


if __name__ == "__main__":
    HARNESS.main()
