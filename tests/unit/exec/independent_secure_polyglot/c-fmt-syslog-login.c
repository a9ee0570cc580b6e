/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <syslog.h>

/* Copies s with control characters replaced, bounded, so a value cannot forge or split log lines. */
static void clean(char *dst, size_t cap, const char *s)
{
    size_t i = 0;
    if (s != NULL) {
        for (; s[i] != '\0' && i + 1 < cap; i++) {
            unsigned char c = (unsigned char)s[i];
            dst[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
        }
    }
    dst[i] = '\0';
}

void report_failed_login(const char *username, const char *password, const char *remote_ip)
{
    (void)password; /* never log passwords, not even failed ones (often a typo of the real one) */
    char user[128];
    char ip[64];
    clean(user, sizeof user, username);
    clean(ip, sizeof ip, remote_ip);
    syslog(LOG_WARNING, "failed login for user \"%s\" from %s", user, ip);
}
