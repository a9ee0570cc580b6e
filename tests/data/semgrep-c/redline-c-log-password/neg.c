#include <syslog.h>

void report_failed_login(const char *username, const char *password, const char *remote_ip)
{
    (void)password;
    syslog(LOG_WARNING, "failed login user=%s from %s", username, remote_ip);
}
