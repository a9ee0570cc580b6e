"""C for harness drivers: redirect a candidate's libc path calls under /tmp, /var/tmp and /etc/device into the
test's own folder (the sandbox's /tmp is read-only and shared), so fixed paths a task names can be exercised."""

REDIRECT = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
/* The task's fixed paths (/tmp, /etc/device) are read-only in the sandbox and shared outside it: every path the
   candidate passes to libc under them is mapped into the test's folder (RL_ROOT), where the harness looks. */
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
/* With RL_PLANT set the attacker wins the race: a /tmp name opened for writing without O_EXCL that does not
   exist yet is first made a symlink to RL_PLANT, as a local user who predicted the name would have made it. */
static void rl_plant(const char *mapped, const char *orig, int excl)
{
    const char *target = getenv("RL_PLANT");
    struct stat st;
    if (target == NULL || excl || mapped == orig || strncmp(orig, "/tmp/", 5) != 0 || lstat(mapped, &st) == 0)
        return;
    (void)!symlink(target, mapped);
}
#define RL_REAL(ret, name, ...) \
    static ret (*real)(__VA_ARGS__); \
    if (!real) \
        real = (ret (*)(__VA_ARGS__))dlsym(RTLD_NEXT, name)
#define RL_MODE(flags, mode) \
    if ((flags) & (O_CREAT | __O_TMPFILE)) { \
        va_list ap; \
        va_start(ap, flags); \
        mode = va_arg(ap, mode_t); \
        va_end(ap); \
    }
#define RL_PATH1(ret, name, T) \
    ret name(const char *p, T a) \
    { \
        char b[4096]; \
        RL_REAL(ret, #name, const char *, T); \
        return real(rl_map(p, b), a); \
    }
#define RL_PATH2(name) \
    int name(const char *p, const char *q) \
    { \
        char b[4096], c[4096]; \
        RL_REAL(int, #name, const char *, const char *); \
        return real(rl_map(p, b), rl_map(q, c)); \
    }
int open(const char *p, int flags, ...)
{
    char b[4096];
    mode_t mode = 0;
    RL_MODE(flags, mode);
    RL_REAL(int, "open", const char *, int, ...);
    const char *m = rl_map(p, b);
    if (flags & O_CREAT)
        rl_plant(m, p, flags & O_EXCL);
    return real(m, flags, mode);
}
int open64(const char *p, int flags, ...)
{
    char b[4096];
    mode_t mode = 0;
    RL_MODE(flags, mode);
    RL_REAL(int, "open64", const char *, int, ...);
    const char *m = rl_map(p, b);
    if (flags & O_CREAT)
        rl_plant(m, p, flags & O_EXCL);
    return real(m, flags, mode);
}
int openat(int dirfd, const char *p, int flags, ...)
{
    char b[4096];
    mode_t mode = 0;
    RL_MODE(flags, mode);
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
static const char *rl_fmap(const char *p, const char *mode, char *b)
{
    const char *m = rl_map(p, b);
    if (strpbrk(mode, "wa") != NULL)
        rl_plant(m, p, strchr(mode, 'x') != NULL);
    return m;
}
FILE *fopen(const char *p, const char *mode)
{
    char b[4096];
    RL_REAL(FILE *, "fopen", const char *, const char *);
    return real(rl_fmap(p, mode, b), mode);
}
FILE *fopen64(const char *p, const char *mode)
{
    char b[4096];
    RL_REAL(FILE *, "fopen64", const char *, const char *);
    return real(rl_fmap(p, mode, b), mode);
}
FILE *freopen(const char *p, const char *mode, FILE *f)
{
    char b[4096];
    RL_REAL(FILE *, "freopen", const char *, const char *, FILE *);
    return real(p ? rl_fmap(p, mode, b) : p, mode, f);
}
RL_PATH1(int, stat, struct stat *)
RL_PATH1(int, lstat, struct stat *)
RL_PATH1(int, access, int)
RL_PATH1(int, chmod, mode_t)
RL_PATH1(int, mkdir, mode_t)
RL_PATH1(int, truncate, off_t)
RL_PATH2(rename)
RL_PATH2(link)
int unlink(const char *p)
{
    char b[4096];
    RL_REAL(int, "unlink", const char *);
    return real(rl_map(p, b));
}
int remove(const char *p)
{
    char b[4096];
    RL_REAL(int, "remove", const char *);
    return real(rl_map(p, b));
}
int symlink(const char *target, const char *p)
{
    char b[4096];
    RL_REAL(int, "symlink", const char *, const char *);
    return real(target, rl_map(p, b));
}
/* the mk*temp family fills in the caller's template: run it on the mapped copy, then copy the name back */
static int rl_template(char *t, int suffix, int flags, int kind)
{
    char b[4096];
    char *m = (char *)rl_map(t, b);
    int rc = -1;
    if (kind == 0) {
        RL_REAL(int, "mkostemps", char *, int, int);
        rc = real(m, suffix, flags);
    } else if (kind == 1) {
        RL_REAL(char *, "mkdtemp", char *);
        rc = real(m) ? 0 : -1;
    } else {
        RL_REAL(char *, "mktemp", char *);
        rc = real(m) ? 0 : -1;
    }
    if (m != t)
        memcpy(t, m + strlen(m) - strlen(t), strlen(t));
    return rc;
}
int mkstemp(char *t) { return rl_template(t, 0, 0, 0); }
int mkstemp64(char *t) { return rl_template(t, 0, 0, 0); }
int mkstemps(char *t, int s) { return rl_template(t, s, 0, 0); }
int mkostemp(char *t, int f) { return rl_template(t, 0, f, 0); }
int mkostemps(char *t, int s, int f) { return rl_template(t, s, f, 0); }
char *mkdtemp(char *t) { return rl_template(t, 0, 0, 1) == 0 ? t : NULL; }
char *mktemp(char *t) { rl_template(t, 0, 0, 2); return t; }
"""
