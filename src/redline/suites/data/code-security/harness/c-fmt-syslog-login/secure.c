#include <syslog.h>

void report_failed_login(const char *username, const char *password, const char *remote_ip)
{
    (void)password;  /* never logged: a mistyped password is often the real one, or another account's */
    syslog(LOG_AUTH | LOG_WARNING, "failed login for user '%s' from %s", username, remote_ip);
}
