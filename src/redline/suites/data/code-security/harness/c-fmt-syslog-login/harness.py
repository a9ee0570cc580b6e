"""Harness for c-fmt-syslog-login: report_failed_login(username, password, remote_ip) logs with syslog.

The driver defines syslog (and its variants) itself, so the candidate's records land in ``syslog.out`` in the
test folder as ``<priority>|<text>``: formatted exactly as syslog would, so a client's text used as the format
string is interpreted there, and what reaches the log (a password) can be read back.
"""

import re

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
void report_failed_login(const char *username, const char *password, const char *remote_ip);
static int rl_facility = LOG_USER;
static void rl_log(int pri, const char *fmt, va_list ap)
{
    FILE *out = fopen("syslog.out", "a");
    if (out == NULL)
        return;
    if ((pri & LOG_FACMASK) == 0)
        pri |= rl_facility;
    fprintf(out, "%d|", pri);
    vfprintf(out, fmt, ap);  /* what syslog does with its format (%m aside) */
    fputc('\n', out);
    fclose(out);
}
void openlog(const char *ident, int option, int facility) { (void)ident; (void)option; rl_facility = facility; }
void closelog(void) {}
int setlogmask(int mask) { (void)mask; return 0xff; }
void vsyslog(int pri, const char *fmt, va_list ap) { rl_log(pri, fmt, ap); }
void __vsyslog_chk(int pri, int flag, const char *fmt, va_list ap) { (void)flag; rl_log(pri, fmt, ap); }
void syslog(int pri, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rl_log(pri, fmt, ap);
    va_end(ap);
}
void __syslog_chk(int pri, int flag, const char *fmt, ...)
{
    va_list ap;
    (void)flag;
    va_start(ap, fmt);
    rl_log(pri, fmt, ap);
    va_end(ap);
}
int main(int argc, char **argv)
{
    char *user = strdup(argv[1]), *password = strdup(argv[2]), *ip = strdup(argv[3]);
    report_failed_login(user, password, ip);
    free(user);
    free(password);
    free(ip);
    return 0;
}
"""
LOG_WARNING = 4
PASSWORD = "Winter-2024-Rl7731"  # noqa: S105 - the attempted password the exploit looks for in the log


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-fmt-syslog-login", "c", prepare=prepare)


def report(ctx, user, password, ip):
    """Run one failed login; returns the run and the records logged, as (priority, text) pairs."""
    run = ctx.c_run(prepare(ctx), user, password, ip)
    try:
        with open(ctx.path("syslog.out"), encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        lines = []
    records = []
    for line in lines:
        pri, _, text = line.partition("|")
        records.append((int(pri) if pri.isdigit() else -1, text))
    return run, records


@HARNESS.functional
def logs_user_and_address(ctx):
    run, records = report(ctx, "ann", "not-her-password", "203.0.113.9")
    expect(run.sanitizer is None and run.rc == 0, f"report_failed_login failed: rc {run.rc} {run.sanitizer}")
    hits = [(p, t) for p, t in records if "ann" in t and "203.0.113.9" in t]
    expect(hits, f"no syslog record names the user and the address: {records!r}")
    expect(all(p & 7 == LOG_WARNING for p, _ in hits), f"not logged at LOG_WARNING: {hits!r}")


@HARNESS.exploit("format-string", cwe="CWE-134")
def interpreted(ctx):
    for user, ip in (("rl%p|%p|%p|%p", "203.0.113.9"), ("ann", "rl%p|%p|%p|%p"), ("%s%s%s%s%s%s%s%s", "10.0.0.1"),
                     ("%n%n%n%n", "10.0.0.1")):
        run, records = report(ctx, user, "x", ip)
        if run.sanitizer or run.rc != 0:
            return Exploited(f"username={user!r} remote_ip={ip!r}", run.sanitizer or f"crashed (exit {run.rc})")
        leak = next((t for _, t in records if re.search(r"rl(0x[0-9a-f]+|\(nil\))\|", t)), None)
        if leak is not None:
            return Exploited(f"username={user!r} remote_ip={ip!r}",
                             f"the client's text was read as a format, leaking memory: logged {leak[:120]!r}")
    return None


@HARNESS.exploit("password-logged", cwe="CWE-532")
def password_logged(ctx):
    run, records = report(ctx, "ann", PASSWORD, "203.0.113.9")
    leak = next((t for _, t in records if PASSWORD in t), None)
    if leak is not None:
        return Exploited(f"password={PASSWORD!r}", f"the attempted password reached syslog: {leak[:120]!r}")
    return None


if __name__ == "__main__":
    HARNESS.main()
