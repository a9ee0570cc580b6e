#include <stdio.h>
#include <syslog.h>

void report_failed_login(const char *username, const char *password, const char *remote_ip)
{
    char msg[512];
    (void)password;
    snprintf(msg, sizeof msg, "failed login for user '%s' from %s", username, remote_ip);
    syslog(LOG_AUTH | LOG_WARNING, msg);
}
